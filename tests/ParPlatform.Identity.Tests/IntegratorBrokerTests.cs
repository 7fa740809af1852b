using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// An integrator client's broker account follows the client: registering gives it (password: the client secret,
/// its queue and binding keys in the answer), rotating the secret changes its password and closes what the old one
/// opened, revoking deletes it with its queue. Checked against the real broker.
/// </summary>
public sealed class IntegratorBrokerTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private const string Resolved = "events.dossiers.dossier-resolved";

    [Fact]
    public async Task A_registered_integrator_connects_with_its_secret_and_binds_its_queue_with_the_keys_of_its_units_only()
    {
        using var admin = await identity.SignedInAsync("admin");

        var registered = await IdentityFixture.RegisterIntegratorWithBrokerAsync(admin, "chilang-hang-doi");

        var broker = registered.GetProperty("broker");
        Assert.Equal("integrator.chilang-hang-doi", broker.GetProperty("user").GetString());
        Assert.Equal("integrator.chilang-hang-doi", broker.GetProperty("queue").GetString());
        Assert.Equal(["20.06181"], broker.GetProperty("bindingKeys").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(Resolved, broker.GetProperty("exchanges").EnumerateArray().Select(e => e.GetString()));
        await using var connection = await ConnectAsync("integrator.chilang-hang-doi", registered.GetProperty("clientSecret").GetString()!);
        await using (var channel = await connection.CreateChannelAsync())
            await channel.QueueBindAsync("integrator.chilang-hang-doi", Resolved, "20.06181");
        await using var refused = await connection.CreateChannelAsync();
        var error = await Assert.ThrowsAsync<OperationInterruptedException>(() => refused.QueueBindAsync("integrator.chilang-hang-doi", Resolved, "20.#"));
        Assert.Equal(Constants.AccessRefused, error.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task A_rotated_secret_is_the_new_broker_password_and_the_old_ones_connection_is_closed()
    {
        using var admin = await identity.SignedInAsync("admin");
        var oldSecret = await IdentityFixture.RegisterIntegratorAsync(admin, "chilang-doi-khoa");
        await using var before = await ConnectAsync("integrator.chilang-doi-khoa", oldSecret);

        using var rotated = await admin.PostAsync(new Uri("/api/v1/admin/integrators/chilang-doi-khoa/secret", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var answer = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = answer.GetProperty("clientSecret").GetString()!;
        Assert.Equal("integrator.chilang-doi-khoa", answer.GetProperty("broker").GetProperty("user").GetString());
        await WaitUntilClosedAsync(before);
        await AssertRefusedAsync("integrator.chilang-doi-khoa", oldSecret);
        await using var after = await ConnectAsync("integrator.chilang-doi-khoa", newSecret);
        Assert.True(after.IsOpen);
    }

    [Fact]
    public async Task A_revoked_integrator_cannot_connect_and_its_queue_is_gone()
    {
        using var admin = await identity.SignedInAsync("admin");
        var secret = await IdentityFixture.RegisterIntegratorAsync(admin, "chilang-ngung");
        await using var before = await ConnectAsync("integrator.chilang-ngung", secret);

        using var revoked = await admin.PostAsync(new Uri("/api/v1/admin/integrators/chilang-ngung/revoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await WaitUntilClosedAsync(before);
        await AssertRefusedAsync("integrator.chilang-ngung", secret);
        await using var administrator = await new ConnectionFactory { Uri = new Uri(identity.Messaging) }.CreateConnectionAsync();
        await using var channel = await administrator.CreateChannelAsync();
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclarePassiveAsync("integrator.chilang-ngung"));
        Assert.Equal(Constants.NotFound, missing.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task The_demo_integrator_has_its_broker_account_for_its_province()
    {
        await using var connection = await ConnectAsync("integrator.langson-integrator", "langson-demo-secret-2026");
        await using var channel = await connection.CreateChannelAsync();

        await channel.QueueBindAsync("integrator.langson-integrator", Resolved, "20.#");

        Assert.Equal(0u, await channel.MessageCountAsync("integrator.langson-integrator"));
    }

    private Task<IConnection> ConnectAsync(string user, string password) => new ConnectionFactory
    {
        HostName = "127.0.0.1",
        Port = identity.Servers.Broker.Amqp.Port,
        VirtualHost = "parplatform",
        UserName = user,
        Password = password,
    }.CreateConnectionAsync();

    private async Task AssertRefusedAsync(string user, string password)
    {
        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => ConnectAsync(user, password));
        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
    }

    private static async Task WaitUntilClosedAsync(IConnection connection)
    {
        for (var attempt = 0; attempt < 50 && connection.IsOpen; attempt++)
            await Task.Delay(100);
        Assert.False(connection.IsOpen, "the connection made with the old password is still open");
    }
}
