using System.Globalization;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Domain;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The random histories of <see cref="DossierStatisticsTests"/> and the plain reference they are checked against:
/// dossiers and feedback with random outcomes, random windows, and form II.06a written dossier by dossier from the
/// rules (not from the service's SQL).
/// </summary>
internal static class StatisticsHistory
{
    internal static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// The service's clock in these tests: after every random history's last event and before the end of
    /// 2026, so the windows that end on 31/12/2026 are not over and count overdue at this instant.
    /// </summary>
    internal static readonly DateTimeOffset Now = new(2026, 9, 15, 10, 0, 0, VietnamOffset);

    /// <summary>Field names whose ordinal order is also their Vietnamese alphabetical order.</summary>
    internal static readonly string[] RandomFields = ["Chứng thực", "Hộ tịch", "Tư pháp", "Xây dựng"];

    internal static readonly string[] RateNames =
        ["onTime", "online", "electronicResult", "digitisation", "satisfaction", "verySatisfied", "onlinePayment", "apologyCoverage"];

    /// <summary>A few hundred dossiers of <paramref name="unit"/> received from October 2025 to April 2026, with random outcomes.</summary>
    internal static List<DossierRow> GenerateDossiers(Random random, string unit)
    {
        var first = Vietnam(2025, 10, 1);
        const int days = 212; // to the end of April 2026
        var rows = new List<DossierRow>();
        var count = 300 + random.Next(150);
        for (var i = 0; i < count; i++)
        {
            var registered = Instant(random, first, days);
            var row = new DossierRow
            {
                UnitCode = unit,
                Field = RandomFields[random.Next(RandomFields.Length)],
                Channel = (DossierChannel)random.Next(3),
                RegisteredAt = registered,
                Digitised = random.Next(3) > 0,
                HasFee = random.Next(2) == 0,
            };
            if (row.Channel == DossierChannel.Online && random.Next(12) == 0)
            {
                // Registered online and never received (still waiting, or refused): never counted.
                row.Status = random.Next(2) == 0 ? DossierStatus.Registered : DossierStatus.Refused;
                rows.Add(row);
                continue;
            }
            var received = random.Next(3) == 0 ? registered : Later(random, registered, 3);
            row.ReceivedAt = received;
            row.DueAt = Later(random, received, 1 + random.Next(30));
            row.PaidOnline = row.HasFee && random.Next(2) == 0;
            var outcome = random.Next(100);
            if (outcome < 45)
            {
                var finished = Later(random, received, 45);
                row.FinishedAt = finished;
                row.Status = random.Next(3) == 0 ? DossierStatus.Resolved : DossierStatus.ResultReturned;
                row.Timeliness = random.Next(10) == 0 ? Timeliness.Late : Classify(finished, row.DueAt.Value); // > 1 supplement request: late
                row.ElectronicResult = random.Next(3) > 0;
                if (row.Timeliness == Timeliness.Late && random.Next(2) == 0)
                    row.ApologyIssuedAt = received + (row.DueAt.Value - received) / 2;
                if (random.Next(2) == 0)
                {
                    var rating = random.Next(10);
                    row.Rating = rating < 6 ? DossierRating.VerySatisfied : rating < 9 ? DossierRating.Satisfied : DossierRating.NotSatisfied;
                    row.RatedAt = Later(random, finished, 12);
                }
            }
            else if (outcome < 57)
            {
                var finished = Later(random, received, 30);
                row.FinishedAt = finished;
                row.Status = DossierStatus.ReturnedNotEligible;
                row.ReturnReason = DossierReturnReason.NotEligible;
                if (random.Next(3) == 0) // returned while waiting for supplements: the pause stays recorded
                    row.PausedAt = received + (finished - received) / 2;
            }
            else if (outcome < 65)
            {
                row.FinishedAt = Later(random, received, 30);
                row.Status = DossierStatus.Stopped;
                row.ReturnReason = DossierReturnReason.Withdrawn;
            }
            else
            {
                var open = random.Next(5);
                row.Status = open switch
                {
                    0 => DossierStatus.Received,
                    1 => DossierStatus.Processing,
                    2 => DossierStatus.FeesRequested,
                    3 => DossierStatus.WithdrawalRequested,
                    _ => DossierStatus.SupplementRequested,
                };
                if (row.Status == DossierStatus.SupplementRequested)
                    row.PausedAt = Later(random, received, 25);
                if (random.Next(10) == 0)
                    row.ApologyIssuedAt = received + (row.DueAt.Value - received) / 2;
            }
            rows.Add(row);
        }
        return rows;
    }

    internal static List<FeedbackRow> GenerateFeedback(Random random, string unit)
    {
        var rows = new List<FeedbackRow>();
        var count = 40 + random.Next(40);
        for (var i = 0; i < count; i++)
        {
            var received = Instant(random, Vietnam(2025, 10, 1), 212);
            var resolved = random.Next(10) < 7 ? Later(random, received, 30) : (DateTimeOffset?)null;
            rows.Add(new FeedbackRow(unit, received, resolved, resolved is null ? null : random.Next(4) > 0));
        }
        return rows;
    }

    /// <summary>
    /// Some twenty-five windows: before any data, one-day windows, windows from the middle of the
    /// history, arbitrary ones, and ten that put an instant of the history exactly on a window's edge.
    /// </summary>
    internal static List<(DateOnly From, DateOnly To)> RandomWindows(Random random, List<DossierRow> history, List<FeedbackRow> feedback)
    {
        var first = new DateOnly(2025, 10, 1);
        var windows = new List<(DateOnly, DateOnly)>
        {
            (new DateOnly(2024, 1, 1), new DateOnly(2025, 9, 30)),
            (new DateOnly(2025, 9, 30), new DateOnly(2025, 9, 30)),
            (new DateOnly(2024, 6, 1), new DateOnly(2027, 12, 31)),
        };
        for (var i = 0; i < 6; i++)
        {
            var day = first.AddDays(random.Next(240));
            windows.Add((day, day));
        }
        for (var i = 0; i < 3; i++)
            windows.Add((first.AddDays(30 + random.Next(180)), new DateOnly(2026, 12, 31)));
        for (var i = 0; i < 5; i++)
        {
            var from = first.AddDays(random.Next(230));
            windows.Add((from, from.AddDays(1 + random.Next(120))));
        }

        // Windows with an instant of the history exactly on an edge: at 00:00 of the first day (counted),
        // or at 00:00 of the day after the last (not counted).
        void StartingAt(IEnumerable<DateTimeOffset?> instants)
        {
            var midnights = instants.OfType<DateTimeOffset>().Where(IsMidnight).Order().ToList();
            if (midnights.Count == 0)
                return; // the coverage check says what was missed
            var day = VietnamDate(midnights[random.Next(midnights.Count)]);
            windows.Add((day, day.AddDays(random.Next(40))));
        }
        void EndingAt(IEnumerable<DateTimeOffset?> instants)
        {
            var midnights = instants.OfType<DateTimeOffset>().Where(IsMidnight).Order().ToList();
            if (midnights.Count == 0)
                return;
            var day = VietnamDate(midnights[random.Next(midnights.Count)]).AddDays(-1);
            windows.Add((day.AddDays(-random.Next(40)), day));
        }
        StartingAt(history.Select(d => d.FinishedAt));
        StartingAt(history.Select(d => d.ReceivedAt));
        StartingAt(history.Select(d => d.RatedAt));
        StartingAt(feedback.Select(f => (DateTimeOffset?)f.ReceivedAt));
        EndingAt(history.Select(d => d.ReceivedAt));
        EndingAt(history.Select(d => d.FinishedAt));
        EndingAt(history.Select(d => d.RatedAt));
        EndingAt(feedback.Select(f => f.ResolvedAt));
        // Still open, due exactly at the end with its clock running: not yet overdue.
        EndingAt(history.Where(d => d.FinishedAt is null && d.PausedAt is null).Select(d => d.DueAt));
        // Past due, its clock stopped exactly at the end: overdue (the pause began after the window, and after the due date anyway).
        EndingAt(history.Where(d => d.PausedAt > d.DueAt && d.FinishedAt is null).Select(d => d.PausedAt));
        return windows;
    }

    internal sealed record Expected(
        SortedDictionary<string, decimal?> Total, SortedDictionary<string, SortedDictionary<string, decimal?>> Fields,
        SortedDictionary<string, decimal?> Feedback);

    /// <summary>The counts of one II.06a row, added up dossier by dossier.</summary>
    internal sealed class Tally
    {
        public long CarriedOver, ReceivedOnline, ReceivedOther, Early, OnTime, Late, PendingWithin, PendingOverdue, Returned;
        public long ElectronicResults, Digitised, WithFees, PaidOnline, LateWithApology, VerySatisfied, Satisfied, NotSatisfied;

        public SortedDictionary<string, decimal?> ToRow()
        {
            var received = ReceivedOnline + ReceivedOther;
            var resolved = Early + OnTime + Late;
            var ratings = VerySatisfied + Satisfied + NotSatisfied;
            var row = new SortedDictionary<string, decimal?>(StringComparer.Ordinal)
            {
                ["carriedOver"] = CarriedOver,
                ["received.total"] = received,
                ["received.online"] = ReceivedOnline,
                ["received.inPersonOrPostal"] = ReceivedOther,
                ["resolved.total"] = resolved,
                ["resolved.early"] = Early,
                ["resolved.onTime"] = OnTime,
                ["resolved.late"] = Late,
                ["pending.total"] = PendingWithin + PendingOverdue,
                ["pending.withinDeadline"] = PendingWithin,
                ["pending.overdue"] = PendingOverdue,
                ["returnedWithdrawnNotEligible"] = Returned,
                ["total"] = CarriedOver + received,
                ["ratings.total"] = ratings,
                ["ratings.verySatisfied"] = VerySatisfied,
                ["ratings.satisfied"] = Satisfied,
                ["ratings.notSatisfied"] = NotSatisfied,
            };
            AddRate(row, "rates.onTime", Early + OnTime, resolved);
            AddRate(row, "rates.online", ReceivedOnline, received);
            AddRate(row, "rates.electronicResult", ElectronicResults, resolved);
            AddRate(row, "rates.digitisation", Digitised, received);
            AddRate(row, "rates.satisfaction", VerySatisfied + Satisfied, ratings);
            AddRate(row, "rates.verySatisfied", VerySatisfied, ratings);
            AddRate(row, "rates.onlinePayment", PaidOnline, WithFees);
            AddRate(row, "rates.apologyCoverage", LateWithApology, Late);
            return row;
        }
    }

    internal static void AddRate(SortedDictionary<string, decimal?> row, string name, long numerator, long denominator)
    {
        row[name + ".numerator"] = numerator;
        row[name + ".denominator"] = denominator;
        row[name + ".percent"] = denominator == 0 ? null : Math.Round(numerator * 100m / denominator, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Form II.06a for the window, written dossier by dossier from the rules (not from the service's
    /// SQL): where was each dossier at the window's start, and where is it at its end.
    /// </summary>
    internal static Expected Reference(
        List<DossierRow> history, List<FeedbackRow> feedback, DateOnly from, DateOnly to, HashSet<string> coverage)
    {
        var start = Midnight(from);
        var end = Midnight(to.AddDays(1));
        var total = new Tally();
        var fields = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        Tally FieldOf(DossierRow d) => fields.TryGetValue(d.Field, out var t) ? t : fields[d.Field] = new Tally();

        foreach (var d in history)
        {
            if (d.ReceivedAt is not { } received)
                continue; // never received: not part of any statistic
            if (received == start)
                coverage.Add("received-at-start");
            if (received == end)
                coverage.Add("received-at-end");
            var finishedBeforeStart = d.FinishedAt is { } f0 && f0 < start;
            if (received < end && !finishedBeforeStart)
            {
                if (d.FinishedAt == start)
                    coverage.Add("finished-at-start");
                foreach (var tally in new[] { total, FieldOf(d) })
                {
                    if (received < start)
                    {
                        tally.CarriedOver++;
                        coverage.Add("carried-over");
                    }
                    else
                    {
                        if (d.Channel == DossierChannel.Online)
                            tally.ReceivedOnline++;
                        else
                            tally.ReceivedOther++;
                        coverage.Add(d.Channel == DossierChannel.Online ? "received-online" : "received-other");
                        if (d.Digitised)
                        {
                            tally.Digitised++;
                            coverage.Add("digitised");
                        }
                        if (d.HasFee)
                        {
                            tally.WithFees++;
                            if (d.PaidOnline)
                            {
                                tally.PaidOnline++;
                                coverage.Add("paid-online");
                            }
                        }
                    }

                    if (d.FinishedAt is { } finished && finished < end)
                    {
                        if (d.Timeliness is { } timeliness)
                        {
                            switch (timeliness)
                            {
                                case Timeliness.Early:
                                    tally.Early++;
                                    coverage.Add("early");
                                    break;
                                case Timeliness.OnTime:
                                    tally.OnTime++;
                                    coverage.Add("on-time");
                                    break;
                                default:
                                    tally.Late++;
                                    coverage.Add("late");
                                    if (d.ApologyIssuedAt is not null)
                                    {
                                        tally.LateWithApology++;
                                        coverage.Add("late-with-apology");
                                    }
                                    break;
                            }
                            if (d.ElectronicResult)
                            {
                                tally.ElectronicResults++;
                                coverage.Add("electronic-result");
                            }
                        }
                        else
                        {
                            tally.Returned++;
                            coverage.Add("returned-" + d.ReturnReason!.Value);
                        }
                    }
                    else
                    {
                        if (d.FinishedAt == end)
                            coverage.Add("finished-at-end");
                        // Seen at the window's end (or now, when the window is not over): its clock stopped at a supplement request made before then.
                        var asOf = end < Now ? end : Now;
                        var clockStoppedAt = d.PausedAt is { } paused && paused < asOf ? paused : asOf;
                        if (d.DueAt!.Value == asOf && clockStoppedAt == asOf)
                            coverage.Add("due-at-end");
                        if (d.PausedAt == end && d.DueAt.Value < end)
                            coverage.Add("paused-at-end");
                        if (d.DueAt.Value < clockStoppedAt)
                        {
                            tally.PendingOverdue++;
                            coverage.Add(clockStoppedAt < asOf ? "paused-after-due" : "pending-overdue");
                        }
                        else
                        {
                            tally.PendingWithin++;
                            coverage.Add(d.DueAt.Value < asOf ? "paused-before-due" : "pending-within");
                        }
                    }
                }
            }

            if (d.RatedAt == start)
                coverage.Add("rated-at-start");
            if (d.RatedAt == end)
                coverage.Add("rated-at-end");
            if (d.RatedAt is { } rated && rated >= start && rated < end)
            {
                foreach (var tally in new[] { total, FieldOf(d) })
                {
                    switch (d.Rating!.Value)
                    {
                        case DossierRating.VerySatisfied:
                            tally.VerySatisfied++;
                            break;
                        case DossierRating.Satisfied:
                            tally.Satisfied++;
                            break;
                        default:
                            tally.NotSatisfied++;
                            break;
                    }
                }
                coverage.Add("rated-" + d.Rating!.Value);
            }
        }
        if (fields.Count == 0)
            coverage.Add("empty-window");

        long feedbackReceived = 0, feedbackResolved = 0, feedbackWithin = 0;
        foreach (var f in feedback)
        {
            if (f.ReceivedAt == start)
                coverage.Add("feedback-received-at-start");
            if (f.ResolvedAt == end)
                coverage.Add("feedback-resolved-at-end");
            if (f.ReceivedAt >= start && f.ReceivedAt < end)
                feedbackReceived++;
            if (f.ResolvedAt is { } resolved && resolved >= start && resolved < end)
            {
                feedbackResolved++;
                if (f.ResolvedWithinDeadline == true)
                    feedbackWithin++;
                coverage.Add(f.ResolvedWithinDeadline == true ? "feedback-within" : "feedback-late");
            }
        }
        var feedbackRow = new SortedDictionary<string, decimal?>(StringComparer.Ordinal)
        {
            ["received"] = feedbackReceived, ["resolved"] = feedbackResolved, ["resolvedWithinDeadline"] = feedbackWithin,
        };
        AddRate(feedbackRow, "onTime", feedbackWithin, feedbackResolved);

        var fieldRows = new SortedDictionary<string, SortedDictionary<string, decimal?>>(StringComparer.Ordinal);
        foreach (var (name, tally) in fields)
            fieldRows[name] = tally.ToRow();
        return new Expected(total.ToRow(), fieldRows, feedbackRow);
    }

    internal sealed record DossierRow
    {
        public Guid Id { get; init; } = Guid.NewGuid();
        public required string UnitCode { get; init; }
        public required string Field { get; init; }
        public DossierChannel Channel { get; init; }
        public DossierStatus Status { get; set; }
        public DateTimeOffset RegisteredAt { get; init; }
        public DateTimeOffset? ReceivedAt { get; set; }
        public DateTimeOffset? DueAt { get; set; }
        public DateTimeOffset? PausedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public Timeliness? Timeliness { get; set; }
        public DossierReturnReason? ReturnReason { get; set; }
        public bool ElectronicResult { get; set; }
        public bool Digitised { get; init; }
        public bool HasFee { get; init; }
        public bool PaidOnline { get; set; }
        public DateTimeOffset? ApologyIssuedAt { get; set; }
        public DossierRating? Rating { get; set; }
        public DateTimeOffset? RatedAt { get; set; }
    }

    internal sealed record FeedbackRow(string UnitCode, DateTimeOffset ReceivedAt, DateTimeOffset? ResolvedAt, bool? ResolvedWithinDeadline);

    internal static DateTimeOffset Vietnam(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, VietnamOffset);

    internal static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), VietnamOffset);

    internal static DateOnly VietnamDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    internal static bool IsMidnight(DateTimeOffset instant) => instant.ToOffset(VietnamOffset).TimeOfDay == TimeSpan.Zero;

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Early, on time or late: the finishing day against the due day (DOMAIN.md section 4).</summary>
    internal static Timeliness Classify(DateTimeOffset finished, DateTimeOffset due) =>
        VietnamDate(finished).CompareTo(VietnamDate(due)) switch
        {
            < 0 => Timeliness.Early,
            0 => Timeliness.OnTime,
            _ => Timeliness.Late,
        };

    /// <summary>A random instant within <paramref name="days"/> days from <paramref name="from"/>; one in five on a Vietnam midnight.</summary>
    internal static DateTimeOffset Instant(Random random, DateTimeOffset from, int days)
    {
        var instant = from + TimeSpan.FromSeconds(random.NextInt64(days * 86_400L));
        return random.Next(5) == 0 ? Midnight(VietnamDate(instant)) : instant;
    }

    /// <summary>A random instant strictly after <paramref name="after"/>, within about <paramref name="days"/> days; one in five on a Vietnam midnight.</summary>
    internal static DateTimeOffset Later(Random random, DateTimeOffset after, int days)
    {
        var instant = after + TimeSpan.FromSeconds(1 + random.NextInt64(days * 86_400L));
        return random.Next(5) == 0 ? Midnight(VietnamDate(instant).AddDays(1)) : instant;
    }
}
