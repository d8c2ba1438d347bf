using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// The IPluginExecutionContext one step execution receives. InputParameters, OutputParameters and SharedVariables
/// are shared by all synchronous steps of one pipeline (so a pre-operation change to Target reaches the main
/// operation); images are per step.
/// </summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext4
{
    public required int Mode { get; init; }

    public int IsolationMode => 2; // sandbox, as in Dataverse online

    public required int Depth { get; init; }

    public required string MessageName { get; init; }

    public required string PrimaryEntityName { get; init; }

    public Guid? RequestId { get; init; }

    public string SecondaryEntityName => "none";

    public required ParameterCollection InputParameters { get; init; }

    public required ParameterCollection OutputParameters { get; init; }

    public required ParameterCollection SharedVariables { get; init; }

    public required Guid UserId { get; init; }

    public required Guid InitiatingUserId { get; init; }

    public required Guid BusinessUnitId { get; init; }

    public required Guid OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public Guid PrimaryEntityId { get; set; }

    public EntityImageCollection PreEntityImages { get; init; } = new();

    public EntityImageCollection PostEntityImages { get; init; } = new();

    public EntityReference? OwningExtension { get; init; }

    public required Guid CorrelationId { get; init; }

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public required bool IsInTransaction { get; init; }

    public required Guid OperationId { get; init; }

    public required DateTime OperationCreatedOn { get; init; }

    public required int Stage { get; init; }

    public PluginExecutionContext? Parent { get; init; }

    public IPluginExecutionContext? ParentContext => Parent;

    // Entra ID and portal identities do not exist in the emulator.
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;

    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;

    public Guid InitiatingUserApplicationId => Guid.Empty;

    public Guid PortalsContactId => Guid.Empty;

    public bool IsPortalsClientCall => false;

    public Guid AuthenticatedUserId => InitiatingUserId;

    public EntityImageCollection[] PreEntityImagesCollection => new[] { PreEntityImages };

    public EntityImageCollection[] PostEntityImagesCollection => new[] { PostEntityImages };

    EntityReference IExecutionContext.OwningExtension => OwningExtension!;

    IPluginExecutionContext IPluginExecutionContext.ParentContext => Parent!;
}
