using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// Plug-in registration by records, as in Dataverse: the organization lists its messages (sdkmessage) and their table
/// filters (sdkmessagefilter), the plug-in types of loaded assemblies (plugintype), and creating, updating or deleting
/// an sdkmessageprocessingstep record registers, changes or removes the step once the transaction commits. Writing a
/// step needs the step privileges (<see cref="RegistrationTables.CreateStepPrivilege"/> and its siblings).
/// </summary>
/// <remarks>
/// Message, filter and plug-in type ids are name-based, so every organization (and a restarted emulator) gives a
/// message the same id, as Dataverse does for its own messages.
/// </remarks>
public sealed class PluginRegistrationCatalog : IPlatformBehavior
{
    private readonly InMemoryDataverse _dataverse;
    private readonly ConcurrentDictionary<Guid, Type> _pluginTypes = new();
    private readonly HashSet<Guid> _recordSteps = new();

    private PluginRegistrationCatalog(InMemoryDataverse dataverse)
    {
        _dataverse = dataverse;
    }

    /// <summary>
    /// Adds the registration tables and lists every message the organization executes now (install models and Custom
    /// APIs first), each with a filter per table for table messages or the filter "none" for the others.
    /// </summary>
    public static PluginRegistrationCatalog Install(InMemoryDataverse dataverse)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        RegistrationTables.AddTo(dataverse.Metadata);
        var catalog = new PluginRegistrationCatalog(dataverse);
        catalog.SeedMessages();
        dataverse.AddBehavior(catalog);
        dataverse.Restored += catalog.Resync;
        return catalog;
    }

    /// <summary>The id Dataverse gives the message <paramref name="name"/> in this emulator.</summary>
    public static Guid MessageIdOf(string name) => IdOf("sdkmessage:" + name.ToUpperInvariant());

    /// <summary>The id of the filter of <paramref name="message"/> for <paramref name="table"/> ("none": no table).</summary>
    public static Guid FilterIdOf(string message, string table) => IdOf("sdkmessagefilter:" + message.ToUpperInvariant() + "|" + table);

    /// <summary>
    /// Lists the plug-in type <paramref name="type"/> (a plugintype row with id <paramref name="pluginTypeId"/>, by default
    /// name-based), so steps can be registered on it; returns its id.
    /// </summary>
    public Guid AddPluginType(Type type, Guid? pluginTypeId = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(IPlugin).IsAssignableFrom(type)) throw new ArgumentException($"{type.FullName} does not implement IPlugin.", nameof(type));
        var id = pluginTypeId ?? IdOf("plugintype:" + type.AssemblyQualifiedName);
        _pluginTypes[id] = type;
        _dataverse.Seed(RegistrationTables.PluginType, [new Entity(RegistrationTables.PluginType, id)
        {
            ["name"] = type.FullName,
            [RegistrationTables.TypeName] = type.FullName,
            [RegistrationTables.AssemblyName] = type.Assembly.GetName().Name,
        }]);
        return id;
    }

    void IPlatformBehavior.AfterCreate(TableDefinition table, Entity target, MessageContext context)
    {
        if (table.LogicalName != RegistrationTables.Step) return;
        _dataverse.Security.Demand(context.UserId, RegistrationTables.CreateStepPrivilege, "register a plug-in step");
        var registration = Read(Stored(RegistrationTables.Step, target.Id)!);
        OnCommit(context, () => Register(registration));
    }

    void IPlatformBehavior.AfterUpdate(TableDefinition table, Entity target, Entity before, MessageContext context)
    {
        if (table.LogicalName != RegistrationTables.Step) return;
        _dataverse.Security.Demand(context.UserId, RegistrationTables.WriteStepPrivilege, "change a plug-in step");
        var registration = Read(Stored(RegistrationTables.Step, target.Id)!);
        OnCommit(context, () => Register(registration));
    }

    void IPlatformBehavior.AfterDelete(TableDefinition table, EntityReference deleted, MessageContext context)
    {
        if (table.LogicalName != RegistrationTables.Step) return;
        _dataverse.Security.Demand(context.UserId, RegistrationTables.DeleteStepPrivilege, "delete a plug-in step");
        OnCommit(context, () => Unregister(deleted.Id));
    }

    private void SeedMessages()
    {
        var tables = _dataverse.Metadata.Tables.Select(t => t.LogicalName).ToList();
        var names = _dataverse.Pipeline.MessageNames.Concat(_dataverse.Plugins.CustomApis.Select(a => a.UniqueName))
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.Ordinal).ToList();
        _dataverse.Seed(RegistrationTables.Message, names.Select(name => new Entity(RegistrationTables.Message, MessageIdOf(name)) { ["name"] = name }));
        var filters = new List<Entity>();
        foreach (var name in names)
        {
            var bound = RegistrationTables.TableMessages.Contains(name, StringComparer.OrdinalIgnoreCase);
            foreach (var table in bound ? tables : [RegistrationTables.NoEntity])
            {
                filters.Add(new Entity(RegistrationTables.MessageFilter, FilterIdOf(name, table))
                {
                    ["name"] = name + " of " + table,
                    [RegistrationTables.MessageId] = new EntityReference(RegistrationTables.Message, MessageIdOf(name)),
                    [RegistrationTables.PrimaryObjectTypeCode] = table,
                });
            }
        }

        _dataverse.Seed(RegistrationTables.MessageFilter, filters);
    }

    /// <summary>The step a record describes, checked as Dataverse checks it; throwing rolls the write back.</summary>
    private StepRecord Read(Entity record)
    {
        var handler = record.GetAttributeValue<EntityReference>(RegistrationTables.EventHandler)
            ?? throw Invalid($"A plug-in step needs {RegistrationTables.EventHandler} (the plug-in type it runs).");
        if (!_pluginTypes.TryGetValue(handler.Id, out var type))
            throw Invalid($"Plug-in type {handler.Id} is not registered in this organization.");
        var messageRef = record.GetAttributeValue<EntityReference>(RegistrationTables.MessageId)
            ?? throw Invalid($"A plug-in step needs {RegistrationTables.MessageId}.");
        var message = Stored(RegistrationTables.Message, messageRef.Id)
            ?? throw Invalid($"sdkmessage {messageRef.Id} does not exist.");
        var messageName = message.GetAttributeValue<string>("name");
        string? entity = null;
        if (record.GetAttributeValue<EntityReference>(RegistrationTables.MessageFilterId) is { } filterRef)
        {
            var filter = Stored(RegistrationTables.MessageFilter, filterRef.Id)
                ?? throw Invalid($"sdkmessagefilter {filterRef.Id} does not exist.");
            if (filter.GetAttributeValue<EntityReference>(RegistrationTables.MessageId)?.Id != messageRef.Id)
                throw Invalid($"sdkmessagefilter {filterRef.Id} belongs to another message than {messageName}.");
            if (filter.GetAttributeValue<bool?>(RegistrationTables.CustomStepsAllowed) == false)
                throw Invalid("Custom SdkMessageProcessingStep is not allowed on the specified message and entity.");
            entity = filter.GetAttributeValue<string>(RegistrationTables.PrimaryObjectTypeCode);
        }

        var filtering = record.GetAttributeValue<string>(RegistrationTables.FilteringAttributes);
        var registration = new StepRegistration
        {
            Id = record.Id,
            Name = record.GetAttributeValue<string>("name"),
            MessageName = messageName,
            PrimaryEntity = entity,
            Stage = record.GetAttributeValue<OptionSetValue>(RegistrationTables.Stage)?.Value ?? 0,
            Mode = (StepMode)(record.GetAttributeValue<OptionSetValue>(RegistrationTables.Mode)?.Value ?? 0),
            Rank = record.GetAttributeValue<int?>(RegistrationTables.Rank) ?? 1,
            FilteringAttributes = string.IsNullOrWhiteSpace(filtering) ? null : filtering.Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToList(),
        };
        var enabled = (record.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0) == 0;
        try
        {
            _dataverse.Plugins.Check(registration);
        }
        catch (ArgumentException refused)
        {
            throw Invalid(refused.Message);
        }

        return new StepRecord(registration, type, record.GetAttributeValue<string>(RegistrationTables.Configuration) ?? string.Empty, enabled);
    }

    private void Register(StepRecord step)
    {
        lock (_recordSteps)
        {
            if (!step.Enabled)
            {
                Unregister(step.Registration.Id);
                return;
            }

            _dataverse.Plugins.ReplaceStep(step.Registration, () => Instantiate(step.Type, step.Configuration));
            _recordSteps.Add(step.Registration.Id);
        }
    }

    private void Unregister(Guid stepId)
    {
        lock (_recordSteps)
        {
            _dataverse.Plugins.RemoveStep(stepId);
            _recordSteps.Remove(stepId);
        }
    }

    /// <summary>After a restore: the steps are exactly the enabled step records whose plug-in type is loaded.</summary>
    private void Resync()
    {
        lock (_recordSteps)
        {
            foreach (var id in _recordSteps.ToList()) Unregister(id);
            List<Guid> ids;
            lock (_dataverse.Gate) ids = _dataverse.Store.For(RegistrationTables.Step).Rows.Select(r => r.Id).ToList();
            foreach (var id in ids)
            {
                try
                {
                    Register(Read(Stored(RegistrationTables.Step, id)!));
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
                {
                    // A step of a plug-in type this organization has not loaded (a database kept by another build): it
                    // stays a record and does not run, as a step whose assembly is missing would not.
                }
            }
        }
    }

    private static void OnCommit(MessageContext context, Action action)
    {
        if (context.Transaction is { } transaction) transaction.AfterCommit(action);
        else action();
    }

    private static IPlugin Instantiate(Type type, string configuration)
    {
        var withConfiguration = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(string)]);
        var plugin = withConfiguration is not null ? withConfiguration.Invoke([configuration, string.Empty]) : Activator.CreateInstance(type);
        return (IPlugin)(plugin ?? throw new InvalidOperationException($"Cannot create {type.FullName}."));
    }

    /// <summary>The stored record (inside a request: as its transaction left it so far), or null.</summary>
    private Entity? Stored(string table, Guid id)
    {
        lock (_dataverse.Gate)
        {
            var store = _dataverse.Store.For(table);
            return store.TryGet(id, out var row) ? _dataverse.Reader.ToEntity(store.Table, row, store.Table.Columns) : null;
        }
    }

    private static Exception Invalid(string message) => DataverseFault.Create(ErrorCodes.InvalidArgument, message);

    private static Guid IdOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private sealed record StepRecord(StepRegistration Registration, Type Type, string Configuration, bool Enabled);
}
