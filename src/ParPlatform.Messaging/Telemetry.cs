using System.Diagnostics;

namespace ParPlatform.Messaging;

/// <summary>The spans messaging adds: the outbox's publish and the inbox's consume, each continuing the producer's trace.</summary>
internal static class Telemetry
{
    public static readonly ActivitySource ActivitySource = new("ParPlatform.Messaging");
}
