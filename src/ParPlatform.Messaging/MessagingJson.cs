using System.Text.Json;

namespace ParPlatform.Messaging;

/// <summary>How events are written into the outbox (camelCase, like the messages on the wire).</summary>
internal static class MessagingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
