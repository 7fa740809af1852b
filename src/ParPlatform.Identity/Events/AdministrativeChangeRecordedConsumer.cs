using ParPlatform.Contracts.Audit;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Messaging.Inbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Events;

/// <summary>Keeps the administrative changes of every service (this one's included) in the audit log.</summary>
public sealed class AdministrativeChangeRecordedConsumer : InboxConsumer<AdministrativeChangeRecorded, IdentityDbContext>
{
    public AdministrativeChangeRecordedConsumer(IdentityDbContext context, TenantScope scope)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // changes of every unit and province, and of none
    }

    protected override Task HandleAsync(AdministrativeChangeRecorded message, CancellationToken cancellationToken)
    {
        Context.AuditEntries.Add(AuditEntry.From(message));
        return Task.CompletedTask;
    }
}
