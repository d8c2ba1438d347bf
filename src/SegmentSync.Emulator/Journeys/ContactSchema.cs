namespace SegmentSync.Emulator.Journeys;

/// <summary>The contact columns the emulator models (a small subset of Dataverse's contact).</summary>
public static class ContactSchema
{
    public const string LogicalName = "contact";
    public const string PrimaryId = "contactid";
    public const string EntitySetName = "contacts";
    public const string FullName = "fullname";
    public const string FirstName = "firstname";
    public const string LastName = "lastname";
    public const string EmailAddress1 = "emailaddress1";
}
