namespace ParPlatform.TestSupport;

/// <summary>Waits for a service under test to be ready (its /health answers 200): its consumers' queues are bound, so events published from then on reach them.</summary>
public static class ServiceReadiness
{
    public static async Task WaitAsync(HttpClient client, string service)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (health.IsSuccessStatusCode)
                return;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The {service} service is not ready after 60 s: {await health.Content.ReadAsStringAsync()}");
            await Task.Delay(100);
        }
    }
}
