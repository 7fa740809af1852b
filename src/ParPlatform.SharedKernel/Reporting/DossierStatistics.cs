namespace ParPlatform.SharedKernel.Reporting;

/// <summary>A rate as DOMAIN.md section 7 defines it: numerator ÷ denominator; the percent is null when nothing was counted.</summary>
public sealed record Rate(long Numerator, long Denominator, decimal? Percent)
{
    public static Rate Of(long numerator, long denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Math.Round(100m * numerator / denominator, 2, MidpointRounding.AwayFromZero));
}

/// <summary>The counts of one row of the statistics table (form II.06a), for a unit or one of its fields, over a window.</summary>
public sealed record DossierCounts
{
    public long CarriedOver { get; init; }

    public long ReceivedOnline { get; init; }

    /// <summary>In person or by post.</summary>
    public long ReceivedInPersonOrPostal { get; init; }

    public long ResolvedEarly { get; init; }

    public long ResolvedOnTime { get; init; }

    public long ResolvedLate { get; init; }

    public long PendingWithinDeadline { get; init; }

    public long PendingOverdue { get; init; }

    /// <summary>Returned as not eligible, or stopped after withdrawal.</summary>
    public long ReturnedWithdrawnNotEligible { get; init; }

    /// <summary>Resolved with the result issued electronically.</summary>
    public long ElectronicResults { get; init; }

    /// <summary>Received and digitised.</summary>
    public long Digitised { get; init; }

    /// <summary>Received, of a procedure with fees.</summary>
    public long WithFees { get; init; }

    /// <summary>Received, with fees, paid online.</summary>
    public long PaidOnline { get; init; }

    /// <summary>Resolved late with an apology letter sent.</summary>
    public long LateWithApology { get; init; }

    public long VerySatisfied { get; init; }

    public long Satisfied { get; init; }

    public long NotSatisfied { get; init; }

    /// <summary>These counts and <paramref name="other"/>'s, column by column.</summary>
    public DossierCounts Plus(DossierCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new DossierCounts
        {
            CarriedOver = CarriedOver + other.CarriedOver, ReceivedOnline = ReceivedOnline + other.ReceivedOnline,
            ReceivedInPersonOrPostal = ReceivedInPersonOrPostal + other.ReceivedInPersonOrPostal, ResolvedEarly = ResolvedEarly + other.ResolvedEarly,
            ResolvedOnTime = ResolvedOnTime + other.ResolvedOnTime, ResolvedLate = ResolvedLate + other.ResolvedLate,
            PendingWithinDeadline = PendingWithinDeadline + other.PendingWithinDeadline, PendingOverdue = PendingOverdue + other.PendingOverdue,
            ReturnedWithdrawnNotEligible = ReturnedWithdrawnNotEligible + other.ReturnedWithdrawnNotEligible,
            ElectronicResults = ElectronicResults + other.ElectronicResults, Digitised = Digitised + other.Digitised, WithFees = WithFees + other.WithFees,
            PaidOnline = PaidOnline + other.PaidOnline, LateWithApology = LateWithApology + other.LateWithApology,
            VerySatisfied = VerySatisfied + other.VerySatisfied, Satisfied = Satisfied + other.Satisfied, NotSatisfied = NotSatisfied + other.NotSatisfied,
        };
    }
}

public sealed record ReceivedColumns(long Total, long Online, long InPersonOrPostal);

public sealed record ResolvedColumns(long Total, long Early, long OnTime, long Late);

public sealed record PendingColumns(long Total, long WithinDeadline, long Overdue);

public sealed record RatingColumns(long Total, long VerySatisfied, long Satisfied, long NotSatisfied);

/// <summary>The rates of form II.06a: each reads only the window's columns (received, resolved, ratings…), never carried over or pending.</summary>
public sealed record DossierRates(
    Rate OnTime, Rate Online, Rate ElectronicResult, Rate Digitisation, Rate Satisfaction, Rate VerySatisfied, Rate OnlinePayment,
    Rate ApologyCoverage)
{
    public static DossierRates Of(DossierCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var received = c.ReceivedOnline + c.ReceivedInPersonOrPostal;
        var resolved = c.ResolvedEarly + c.ResolvedOnTime + c.ResolvedLate;
        var rated = c.VerySatisfied + c.Satisfied + c.NotSatisfied;
        return new DossierRates(
            OnTime: Rate.Of(c.ResolvedEarly + c.ResolvedOnTime, resolved),
            Online: Rate.Of(c.ReceivedOnline, received),
            ElectronicResult: Rate.Of(c.ElectronicResults, resolved),
            Digitisation: Rate.Of(c.Digitised, received),
            Satisfaction: Rate.Of(c.VerySatisfied + c.Satisfied, rated),
            VerySatisfied: Rate.Of(c.VerySatisfied, rated),
            OnlinePayment: Rate.Of(c.PaidOnline, c.WithFees),
            ApologyCoverage: Rate.Of(c.LateWithApology, c.ResolvedLate));
    }
}

/// <summary>
/// One row of form II.06a with its rates. The identity carried over + received = resolved +
/// pending + returned/withdrawn/not eligible holds by construction of the counts (every dossier
/// open during the window is in exactly one of the right-hand columns).
/// </summary>
public sealed record StatisticsRow(
    string? Field, long CarriedOver, ReceivedColumns Received, ResolvedColumns Resolved, PendingColumns Pending,
    long ReturnedWithdrawnNotEligible, long Total, RatingColumns Ratings, DossierRates Rates)
{
    public static StatisticsRow From(string? field, DossierCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var received = new ReceivedColumns(c.ReceivedOnline + c.ReceivedInPersonOrPostal, c.ReceivedOnline, c.ReceivedInPersonOrPostal);
        var resolved = new ResolvedColumns(c.ResolvedEarly + c.ResolvedOnTime + c.ResolvedLate, c.ResolvedEarly, c.ResolvedOnTime, c.ResolvedLate);
        var pending = new PendingColumns(c.PendingWithinDeadline + c.PendingOverdue, c.PendingWithinDeadline, c.PendingOverdue);
        var ratings = new RatingColumns(c.VerySatisfied + c.Satisfied + c.NotSatisfied, c.VerySatisfied, c.Satisfied, c.NotSatisfied);
        return new StatisticsRow(field, c.CarriedOver, received, resolved, pending, c.ReturnedWithdrawnNotEligible, c.CarriedOver + received.Total,
            ratings, DossierRates.Of(c));
    }
}

/// <summary>Feedback (PAKN) over a window: received, resolved, and resolved within the 15 working days.</summary>
public sealed record FeedbackStatistics(long Received, long Resolved, long ResolvedWithinDeadline, Rate OnTime)
{
    public static readonly FeedbackStatistics None = Of(0, 0, 0);

    /// <summary>The counts with their on-time rate (resolved within the deadline ÷ resolved).</summary>
    public static FeedbackStatistics Of(long received, long resolved, long resolvedWithinDeadline) =>
        new(received, resolved, resolvedWithinDeadline, Rate.Of(resolvedWithinDeadline, resolved));
}
