using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Registration;

/// <summary>
/// <c>ParPlatform.Identity create-administrator &lt;user-name&gt; ["display name"]</c>, run once with the service's own
/// settings (docs/operations.md, "Production"): creates an installation's first platform administrator with a generated
/// password, printed once. Refused when an administrator exists already (the administrators then manage accounts
/// through the admin API) or when the service has not created its tables yet.
/// </summary>
public static class FirstAdministrator
{
    public const string Command = "create-administrator";

    public static bool IsRequested(string[] args) => args is [Command, ..];

    /// <summary>Runs the command; its exit code: 0 created, 1 refused, 2 wrong arguments.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length is < 2 or > 3)
        {
            await output.WriteLineAsync($"Usage: ParPlatform.Identity {Command} <user-name> [\"display name\"]");
            return 2;
        }
        var password = Passwords.Generate(20);
        var request = new RegisterUser(args[1], args.Length == 3 ? args[2] : "Quản trị nền tảng", PlatformRoles.PlatformAdmin, password, null, null, null);
        var errors = request.Validate();
        if (errors.Any)
        {
            foreach (var (field, reasons) in errors.ToDictionary())
                await output.WriteLineAsync($"{field}: {string.Join(" ", reasons)}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetAllTenants(); // administrators belong to no tenant
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        try
        {
            if (await db.Users.AnyAsync(u => u.Role == PlatformRoles.PlatformAdmin))
            {
                await output.WriteLineAsync("Refused: the installation has an administrator already; administrators create accounts and set passwords through the admin API.");
                return 1;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            await output.WriteLineAsync("Refused: the identity database has no tables yet. Start the identity service once (it creates them), then run this again.");
            return 1;
        }
        var user = new UserAccount
        {
            UserName = request.UserName!, DisplayName = request.DisplayName!.Trim(), Role = PlatformRoles.PlatformAdmin,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Created the platform administrator {user.UserName}. Password, shown this once: {password}");
        return 0;
    }
}
