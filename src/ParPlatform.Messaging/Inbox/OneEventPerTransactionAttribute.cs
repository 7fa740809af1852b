namespace ParPlatform.Messaging.Inbox;

/// <summary>
/// For a consumer whose one event is a large piece of work (a page of a replay): its receiver applies each event in a
/// transaction of its own, with one more prefetched, instead of batches of <see cref="MessagingOptions.BatchSize"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OneEventPerTransactionAttribute : Attribute;
