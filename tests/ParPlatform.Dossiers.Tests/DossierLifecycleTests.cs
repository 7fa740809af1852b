using System.Globalization;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.SharedKernel.Calendar;
using static ParPlatform.Dossiers.Domain.DossierAction;
using static ParPlatform.Dossiers.Domain.DossierStatus;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The dossier's rules without a database (DOMAIN.md section 4): the state machine, due dates in
/// working time with the seeded 2026 calendar, supplement pauses, early / on time / late, the
/// apology letter, the rating, and the three deadlines of feedback.
/// </summary>
public sealed class DossierLifecycleTests
{
    private static readonly WorkingCalendar Calendar = PublicHolidays.Seeded();
    private static readonly Actor Officer = new("officer-1", "mot-cua");

    /// <summary>
    /// What DOMAIN.md section 4 allows, written out by hand: every state, and for each the actions
    /// it allows with the state they lead to. Every other (state, action) pair is refused.
    /// </summary>
    private static readonly Dictionary<DossierStatus, Dictionary<DossierAction, DossierStatus>> Allowed = new()
    {
        [Registered] = new() { [Receive] = Received, [Refuse] = Refused },
        [Received] = new() { [Start] = Processing, [RequestWithdrawal] = WithdrawalRequested, [ReturnNotEligible] = ReturnedNotEligible },
        [Processing] = new()
        {
            [RequestSupplement] = SupplementRequested, [RequestFees] = FeesRequested, [RequestWithdrawal] = WithdrawalRequested,
            [ReturnNotEligible] = ReturnedNotEligible, [Resolve] = Resolved,
        },
        [SupplementRequested] = new()
        {
            [Supplement] = Processing, [RequestWithdrawal] = WithdrawalRequested, [ReturnNotEligible] = ReturnedNotEligible,
        },
        [FeesRequested] = new() { [PayFees] = Processing, [RequestWithdrawal] = WithdrawalRequested },
        [WithdrawalRequested] = new() { [Stop] = Stopped },
        [Resolved] = new() { [ReturnResult] = ResultReturned },
        [Refused] = new(),
        [Stopped] = new(),
        [ReturnedNotEligible] = new(),
        [ResultReturned] = new(),
    };

    /// <summary>The event each action publishes (DOMAIN.md section 4, docs/events.md); the actions not listed publish none.</summary>
    private static readonly Dictionary<DossierAction, Type> Publishes = new()
    {
        [Receive] = typeof(DossierReceived), [RequestSupplement] = typeof(DossierSupplementRequested), [Supplement] = typeof(DossierSupplemented),
        [PayFees] = typeof(DossierFeesPaid), [Resolve] = typeof(DossierResolved), [ReturnNotEligible] = typeof(DossierReturned),
        [Stop] = typeof(DossierReturned),
    };

    [Fact]
    public void The_expected_table_names_every_state_and_every_action_is_allowed_somewhere()
    {
        Assert.Equal(Enum.GetValues<DossierStatus>().Order(), Allowed.Keys.Order());
        Assert.Equal(Enum.GetValues<DossierAction>().Order(), Allowed.Values.SelectMany(m => m.Keys).Distinct().Order());
        Assert.Equal(132, Enum.GetValues<DossierStatus>().Length * Enum.GetValues<DossierAction>().Length);
    }

    [Fact]
    public void Every_state_and_action_pair_moves_exactly_as_the_domain_says()
    {
        var wrong = new List<string>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                DossierStatus? expected = Allowed[status].TryGetValue(action, out var to) ? to : null;
                var actual = DossierLifecycle.Next(status, action);
                if (actual != expected)
                    wrong.Add($"{status} + {action}: expected {expected?.ToString() ?? "refused"}, got {actual?.ToString() ?? "refused"}");
            }
            var allowedIn = DossierLifecycle.AllowedIn(status).Order().ToList();
            if (!allowedIn.SequenceEqual(Allowed[status].Keys.Order()))
                wrong.Add($"AllowedIn({status}) = [{string.Join(", ", allowedIn)}]");
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Apply_moves_a_dossier_in_every_state_as_the_table_says_raising_its_event_and_refuses_the_rest_naming_the_state()
    {
        var wrong = new List<string>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                var dossier = InState(status);
                var at = Vn(2026, 11, 18, 9);
                if (Allowed[status].TryGetValue(action, out var to))
                {
                    var transition = dossier.Apply(action, at, Calendar, Officer, "ghi chú");
                    if (dossier.Status != to || transition.FromStatus != status || transition.ToStatus != to || transition.Action != action ||
                        transition.UserId != "officer-1" || transition.AgencyCode != "mot-cua" || transition.Note != "ghi chú" || transition.At != at)
                    {
                        wrong.Add($"{status} + {action}: now {dossier.Status}, transition {transition.FromStatus} → {transition.ToStatus}");
                    }
                    var raised = dossier.TakeEvents();
                    Type[] expected = Publishes.TryGetValue(action, out var type) ? [type] : [];
                    if (!raised.Select(e => e.GetType()).SequenceEqual(expected) || raised.Any(e => e.OccurredAt != at || e.UnitCode != "06112"))
                        wrong.Add($"{status} + {action}: raised [{string.Join(", ", raised.Select(e => e.GetType().Name))}]");
                }
                else
                {
                    var refused = Assert.Throws<IllegalTransitionException>(() => dossier.Apply(action, at, Calendar, Officer));
                    if (refused.Current != status || dossier.Status != status || dossier.UpdatedAt == at || dossier.TakeEvents().Count > 0)
                        wrong.Add($"{status} + {action}: refusal named {refused.Current}, dossier now {dossier.Status}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void An_illegal_action_throws_naming_the_current_state_and_changes_nothing()
    {
        var dossier = Register(TimeLimit.Days(1), Vn(2026, 11, 16, 8));

        var refused = Assert.Throws<IllegalTransitionException>(() => dossier.Apply(Resolve, Vn(2026, 11, 16, 9), Calendar, Officer));

        Assert.Equal(Registered, refused.Current);
        Assert.Contains("(registered)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("đã đăng ký (chưa tiếp nhận)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("không thể ghi nhận đã xử lý xong (resolve)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Registered, dossier.Status);
        Assert.Null(dossier.FinishedAt);
        Assert.Null(dossier.Timeliness);
        Assert.Equal(Vn(2026, 11, 16, 8), dossier.UpdatedAt);
    }

    [Theory]
    [InlineData("2026-11-20T16:59:00+07:00", 1, "days", "2026-11-23T16:59:00+07:00")] // Friday one minute before closing → Monday
    [InlineData("2026-11-20T17:30:00+07:00", 1, "days", "2026-11-23T17:00:00+07:00")] // after closing: starts Monday 07:00
    [InlineData("2026-11-20T17:30:00+07:00", 4, "hours", "2026-11-23T11:00:00+07:00")]
    [InlineData("2026-11-21T09:00:00+07:00", 1, "days", "2026-11-23T17:00:00+07:00")] // a Saturday: starts Monday 07:00
    [InlineData("2026-11-18T12:00:00+07:00", 2, "hours", "2026-11-18T15:30:00+07:00")] // at lunch: starts 13:30
    [InlineData("2026-11-20T16:00:00+07:00", 0.5, "days", "2026-11-23T10:00:00+07:00")] // half a day is 4 working hours
    [InlineData("2026-04-29T10:00:00+07:00", 2, "days", "2026-05-05T10:00:00+07:00")] // 30/04 and 01/05 off
    [InlineData("2026-02-13T10:00:00+07:00", 2, "days", "2026-02-24T10:00:00+07:00")] // Tết, 14–22/02 off
    [InlineData("2026-08-21T07:00:00+07:00", 2, "days", "2026-08-22T17:00:00+07:00")] // Saturday 22/08 is a make-up working day
    [InlineData("2026-08-28T07:00:00+07:00", 2, "days", "2026-09-03T17:00:00+07:00")] // 31/08–02/09 off
    public void Receive_sets_the_due_date_from_the_procedures_limit_in_working_time(string receivedAt, double amount, string unit, string dueAt)
    {
        var limit = unit == "hours" ? TimeLimit.Hours((decimal)amount) : TimeLimit.Days((decimal)amount);
        var at = Parse(receivedAt);
        var dossier = Register(limit, at);

        dossier.Apply(Receive, at, Calendar, Officer);

        Assert.Equal(Received, dossier.Status);
        Assert.Equal(at, dossier.ReceivedAt);
        Assert.Equal(Parse(dueAt), dossier.DueAt);
    }

    [Fact]
    public void A_supplement_pause_across_a_weekend_pushes_the_due_date_by_exactly_the_paused_working_time()
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5));
        var dueBefore = dossier.DueAt!.Value;
        dossier.Apply(Start, Vn(2026, 11, 16, 9), Calendar, Officer);

        dossier.Apply(RequestSupplement, Vn(2026, 11, 20, 15), Calendar, Officer, "Thiếu bản sao"); // Friday 15:00
        var overdueWhilePaused = dossier.IsOverdueAt(Vn(2026, 11, 23, 10));
        dossier.Apply(Supplement, Vn(2026, 11, 23, 9), Calendar, Officer); // Monday 09:00: 2 h on Friday + 2 h on Monday

        Assert.Equal(Vn(2026, 11, 23, 8), dueBefore);
        Assert.False(overdueWhilePaused);
        Assert.Equal(TimeSpan.FromHours(4), dossier.PausedTime);
        Assert.Null(dossier.PausedAt);
        Assert.Equal(Vn(2026, 11, 23, 14), dossier.DueAt);
        Assert.Equal(TimeSpan.FromHours(4), Calendar.WorkingTimeBetween(dueBefore, dossier.DueAt!.Value));
        Assert.False(dossier.IsOverdueAt(Vn(2026, 11, 23, 13, 59)));
        Assert.True(dossier.IsOverdueAt(Vn(2026, 11, 23, 14, 1)));
    }

    [Fact]
    public void A_supplement_requested_after_the_due_date_stops_no_clock_and_hides_nothing()
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5)); // due Monday 23/11 08:00
        dossier.Apply(Start, Vn(2026, 11, 16, 9), Calendar, Officer);

        dossier.Apply(RequestSupplement, Vn(2026, 11, 24, 9), Calendar, Officer, "Thiếu bản sao"); // a day after the due date
        var overdueWhilePaused = dossier.IsOverdueAt(Vn(2026, 11, 25, 9));
        dossier.Apply(Supplement, Vn(2026, 11, 26, 9), Calendar, Officer);

        Assert.True(overdueWhilePaused);
        Assert.Equal(Vn(2026, 11, 23, 8), dossier.DueAt);
        Assert.Equal(TimeSpan.Zero, dossier.PausedTime);
        Assert.True(dossier.IsOverdueAt(Vn(2026, 11, 26, 10)));
    }

    [Fact]
    public void A_supplement_pause_moves_the_due_date_it_has_not_the_one_the_limit_would_give()
    {
        // An imported dossier keeps the due date its old system gave (here a day later than the limit's).
        var dossier = Imported(new ImportedState(Received, Vn(2026, 11, 16, 8), Vn(2026, 11, 24, 8), null, null, false, false, null, null));
        dossier.Apply(Start, Vn(2026, 11, 16, 9), Calendar, Officer);

        dossier.Apply(RequestSupplement, Vn(2026, 11, 18, 8), Calendar, Officer, "Thiếu bản sao");
        dossier.Apply(Supplement, Vn(2026, 11, 18, 10), Calendar, Officer);

        Assert.Equal(Vn(2026, 11, 24, 10), dossier.DueAt);
    }

    [Theory]
    [InlineData(1, Timeliness.Early)]
    [InlineData(2, Timeliness.Late)]
    [InlineData(3, Timeliness.Late)]
    public void More_than_one_supplement_request_makes_a_dossier_resolved_before_its_due_date_late(int requests, Timeliness expected)
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5));
        dossier.Apply(Start, Vn(2026, 11, 16, 8, 30), Calendar, Officer);
        for (var i = 0; i < requests; i++)
        {
            dossier.Apply(RequestSupplement, Vn(2026, 11, 17 + i, 8), Calendar, Officer, "Thiếu giấy tờ"); // Tuesday, Wednesday, Thursday
            dossier.Apply(Supplement, Vn(2026, 11, 17 + i, 9), Calendar, Officer);
        }

        dossier.Apply(Resolve, Vn(2026, 11, 20, 10), Calendar, Officer);

        Assert.Equal(requests, dossier.SupplementRequests);
        Assert.Equal(Vn(2026, 11, 23, 8 + requests), dossier.DueAt); // one paused hour each
        Assert.Equal(Resolved, dossier.Status);
        Assert.Equal(Vn(2026, 11, 20, 10), dossier.FinishedAt);
        Assert.Equal(expected, dossier.Timeliness);
        Assert.Equal(expected == Timeliness.Late ? DossierTimeliness.Late : DossierTimeliness.Early, Assert.IsType<DossierResolved>(dossier.TakeEvents()[^1]).Timeliness);
    }

    [Theory]
    [InlineData("2026-11-20T16:00:00+07:00", Timeliness.Early)]
    [InlineData("2026-11-23T07:30:00+07:00", Timeliness.OnTime)] // the due date, before the due instant 08:00
    [InlineData("2026-11-23T16:30:00+07:00", Timeliness.OnTime)] // the due date, after the due instant: still the same day
    [InlineData("2026-11-23T23:30:00+07:00", Timeliness.OnTime)]
    [InlineData("2026-11-24T06:30:00+07:00", Timeliness.Late)] // still 23/11 in UTC, but 24/11 in Vietnam
    [InlineData("2026-11-24T07:05:00+07:00", Timeliness.Late)]
    public void Resolving_before_on_or_after_the_due_date_is_early_on_time_or_late(string resolvedAt, Timeliness expected)
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5)); // due Monday 23/11 08:00
        dossier.Apply(Start, Vn(2026, 11, 16, 9), Calendar, Officer);

        dossier.Apply(Resolve, Parse(resolvedAt), Calendar, Officer, electronicResult: true);

        Assert.Equal(Vn(2026, 11, 23, 8), dossier.DueAt);
        Assert.Equal(expected, dossier.Timeliness);
        Assert.True(dossier.ElectronicResult);
    }

    [Theory]
    [InlineData("2026-11-19T16:00:00+07:00", true)]
    [InlineData("2026-11-20T08:00:00+07:00", true)] // exactly one working day (7 h on Friday + 1 h on Monday) before 23/11 08:00
    [InlineData("2026-11-20T08:01:00+07:00", false)]
    [InlineData("2026-11-20T16:00:00+07:00", false)]
    [InlineData("2026-11-23T07:30:00+07:00", false)]
    public void An_apology_less_than_one_working_day_before_the_due_date_is_refused(string at, bool accepted)
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5));
        dossier.Apply(Start, Vn(2026, 11, 16, 9), Calendar, Officer);

        var refusal = Record.Exception(() => dossier.IssueApology(Parse(at), "Chờ ý kiến cơ quan liên quan", new DateOnly(2026, 11, 26), Calendar, Officer));

        if (accepted)
        {
            Assert.Null(refusal);
            Assert.Equal(Parse(at), dossier.ApologyIssuedAt);
            Assert.Equal(new DateOnly(2026, 11, 26), dossier.ApologyNewDueDate);
            Assert.Equal("Chờ ý kiến cơ quan liên quan", dossier.ApologyReason);
        }
        else
        {
            Assert.IsType<DomainRuleException>(refusal);
            Assert.Null(dossier.ApologyIssuedAt);
            Assert.Null(dossier.ApologyNewDueDate);
        }
    }

    [Fact]
    public void A_second_apology_is_refused_and_the_first_date_stays()
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5));
        dossier.IssueApology(Vn(2026, 11, 17, 9), "Chờ xác minh", new DateOnly(2026, 11, 25), Calendar, Officer);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            dossier.IssueApology(Vn(2026, 11, 18, 9), "Chờ xác minh thêm", new DateOnly(2026, 11, 30), Calendar, Officer));

        Assert.Contains("17/11/2026", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(Vn(2026, 11, 17, 9), dossier.ApologyIssuedAt);
        Assert.Equal(new DateOnly(2026, 11, 25), dossier.ApologyNewDueDate);
        Assert.Equal("Chờ xác minh", dossier.ApologyReason);
    }

    [Fact]
    public void An_apology_raises_its_event_with_the_new_date()
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5));
        dossier.TakeEvents();

        dossier.IssueApology(Vn(2026, 11, 17, 9), "Chờ xác minh", new DateOnly(2026, 11, 25), Calendar, Officer);

        var raised = Assert.IsType<DossierApologyIssued>(Assert.Single(dossier.TakeEvents()));
        Assert.Equal((dossier.Id, Vn(2026, 11, 17, 9), new DateOnly(2026, 11, 25)), (raised.DossierId, raised.IssuedAt, raised.NewDueDate));
    }

    [Fact]
    public void The_overdue_mark_is_set_once_past_the_due_instant_and_raises_one_event()
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5)); // due 23/11 08:00
        dossier.TakeEvents();

        var early = dossier.MarkOverdue(Vn(2026, 11, 23, 7, 59));
        var due = dossier.MarkOverdue(Vn(2026, 11, 23, 8, 1));
        var again = dossier.MarkOverdue(Vn(2026, 11, 24, 8));

        Assert.Equal((false, true, false), (early, due, again));
        Assert.Equal(Vn(2026, 11, 23, 8, 1), dossier.OverdueAt);
        var raised = Assert.IsType<DossierOverdue>(Assert.Single(dossier.TakeEvents()));
        Assert.Equal((dossier.Id, Vn(2026, 11, 23, 8)), (raised.DossierId, raised.DueAt));
    }

    [Theory]
    [InlineData(Resolved)]
    [InlineData(ResultReturned)]
    [InlineData(Stopped)]
    [InlineData(ReturnedNotEligible)]
    [InlineData(Registered)]
    [InlineData(Refused)]
    public void An_apology_on_a_dossier_that_is_not_open_is_refused(DossierStatus status)
    {
        var dossier = InState(status);

        Assert.Throws<DomainRuleException>(() => dossier.IssueApology(Vn(2026, 11, 17, 9), "Trễ hạn", new DateOnly(2026, 11, 30), Calendar, Officer));

        Assert.Null(dossier.ApologyIssuedAt);
    }

    [Fact]
    public void A_resolved_dossier_is_rated_once()
    {
        var dossier = ReceivedAt(Vn(2026, 11, 16, 8), TimeLimit.Days(5));
        dossier.Apply(Start, Vn(2026, 11, 16, 9), Calendar, Officer);
        var whileProcessing = Record.Exception(() => dossier.Rate(DossierRating.Satisfied, Vn(2026, 11, 17, 9)));
        dossier.Apply(Resolve, Vn(2026, 11, 18, 9), Calendar, Officer);

        dossier.Rate(DossierRating.VerySatisfied, Vn(2026, 11, 18, 10));
        var second = Record.Exception(() => dossier.Rate(DossierRating.NotSatisfied, Vn(2026, 11, 18, 11)));

        Assert.IsType<DomainRuleException>(whileProcessing);
        Assert.IsType<DomainRuleException>(second);
        Assert.Equal(DossierRating.VerySatisfied, dossier.Rating);
        Assert.Equal(Vn(2026, 11, 18, 10), dossier.RatedAt);
        Assert.Equal(DossierRating.VerySatisfied, Assert.IsType<DossierRated>(dossier.TakeEvents()[^1]).Rating);
    }

    [Theory]
    [InlineData(Registered, false)]
    [InlineData(Received, false)]
    [InlineData(Processing, false)]
    [InlineData(SupplementRequested, false)]
    [InlineData(Stopped, false)]
    [InlineData(ReturnedNotEligible, false)]
    [InlineData(Refused, false)]
    [InlineData(Resolved, true)]
    [InlineData(ResultReturned, true)]
    public void Only_a_resolved_dossier_may_be_rated(DossierStatus status, bool allowed)
    {
        var dossier = InState(status);

        var refusal = Record.Exception(() => dossier.Rate(DossierRating.Satisfied, Vn(2026, 11, 18, 10)));

        if (allowed)
        {
            Assert.Null(refusal);
            Assert.Equal(DossierRating.Satisfied, dossier.Rating);
        }
        else
        {
            Assert.IsType<DomainRuleException>(refusal);
            Assert.Null(dossier.Rating);
            Assert.Null(dossier.RatedAt);
        }
    }

    [Fact]
    public void Feedback_is_forwarded_within_2_resolved_within_15_and_published_within_2_working_days()
    {
        var feedback = Feedback.Receive("06112", "20", FeedbackChannel.Portal, "Thời gian chờ", "PAKN-1", Vn(2026, 11, 16, 8), Calendar);
        var received = Assert.IsType<FeedbackReceived>(Assert.Single(feedback.TakeEvents()));

        feedback.Forward("van-phong", Vn(2026, 11, 17, 9));
        feedback.Resolve("Đã chấn chỉnh", Vn(2026, 12, 7, 16), Calendar);
        feedback.Publish(Vn(2026, 12, 8, 9));

        Assert.Equal(Vn(2026, 11, 18, 8), feedback.ForwardDueAt); // 7 h on Monday, 8 on Tuesday, 1 on Wednesday
        Assert.Equal(Vn(2026, 12, 7, 8), feedback.ResolveDueAt); // 120 working hours
        Assert.Equal("van-phong", feedback.ForwardedTo);
        Assert.Equal(Vn(2026, 11, 17, 9), feedback.ForwardedAt);
        Assert.True(feedback.ResolvedWithinDeadline); // the due date itself, after the due instant
        Assert.Equal(Vn(2026, 12, 9, 16), feedback.PublishDueAt); // 1 h on Monday, 8 on Tuesday, 7 on Wednesday
        Assert.Equal(FeedbackStatus.Published, feedback.Status);
        Assert.Equal(Vn(2026, 12, 8, 9), feedback.PublishedAt);
        Assert.Equal((feedback.Id, Vn(2026, 12, 7, 8)), (received.FeedbackId, received.ResolveDueAt));
        Assert.True(Assert.IsType<FeedbackResolved>(Assert.Single(feedback.TakeEvents())).WithinDeadline); // forwarding and publishing raise none
    }

    [Fact]
    public void Feedback_received_before_tet_is_forwarded_after_it()
    {
        var feedback = Feedback.Receive("06112", "20", FeedbackChannel.InPerson, "Phí", "PAKN-2", Vn(2026, 2, 13, 10), Calendar);

        Assert.Equal(Vn(2026, 2, 24, 10), feedback.ForwardDueAt);
    }

    [Theory]
    [InlineData("2026-12-04T16:00:00+07:00", true)]
    [InlineData("2026-12-07T16:59:00+07:00", true)]
    [InlineData("2026-12-08T07:30:00+07:00", false)]
    public void Feedback_resolved_after_the_date_of_its_deadline_is_not_within_it(string resolvedAt, bool within)
    {
        var feedback = Feedback.Receive("06112", "20", FeedbackChannel.Portal, "Thái độ", "PAKN-3", Vn(2026, 11, 16, 8), Calendar);

        feedback.Resolve("Đã trả lời", Parse(resolvedAt), Calendar);

        Assert.Equal(within, feedback.ResolvedWithinDeadline);
        Assert.Equal(FeedbackStatus.Resolved, feedback.Status);
    }

    [Fact]
    public void Feedback_moves_only_forward()
    {
        var feedback = Feedback.Receive("06112", "20", FeedbackChannel.Portal, "Thủ tục", "PAKN-4", Vn(2026, 11, 16, 8), Calendar);

        var publishUnresolved = Record.Exception(() => feedback.Publish(Vn(2026, 11, 16, 9)));
        feedback.Forward("kinh-te", Vn(2026, 11, 16, 10));
        var forwardAgain = Record.Exception(() => feedback.Forward("van-phong", Vn(2026, 11, 16, 11)));
        feedback.Resolve("Đã giải quyết", Vn(2026, 11, 17, 9), Calendar);
        var resolveAgain = Record.Exception(() => feedback.Resolve("Lần hai", Vn(2026, 11, 17, 10), Calendar));
        feedback.Publish(Vn(2026, 11, 17, 11));
        var publishAgain = Record.Exception(() => feedback.Publish(Vn(2026, 11, 17, 12)));

        Assert.IsType<DomainRuleException>(publishUnresolved);
        Assert.IsType<DomainRuleException>(forwardAgain);
        Assert.IsType<DomainRuleException>(resolveAgain);
        Assert.IsType<DomainRuleException>(publishAgain);
        Assert.Equal("kinh-te", feedback.ForwardedTo);
        Assert.Equal("Đã giải quyết", feedback.Answer);
        Assert.Equal(Vn(2026, 11, 17, 9), feedback.ResolvedAt);
        Assert.Equal(Vn(2026, 11, 17, 11), feedback.PublishedAt);
    }

    [Fact]
    public void Feedback_may_be_resolved_without_being_forwarded()
    {
        var feedback = Feedback.Receive("06112", "20", FeedbackChannel.InPerson, "Thủ tục", "PAKN-5", Vn(2026, 11, 16, 8), Calendar);

        feedback.Resolve("Trả lời tại chỗ", Vn(2026, 11, 16, 9), Calendar);

        Assert.Equal(FeedbackStatus.Resolved, feedback.Status);
        Assert.Null(feedback.ForwardedAt);
        Assert.True(feedback.ResolvedWithinDeadline);
    }

    [Fact]
    public void Recorded_dossiers_are_published_in_events_of_at_most_500_each_every_dossier_once_with_its_state()
    {
        var dossiers = Enumerable.Range(0, 1_201).Select(i => ReceivedAt(Vn(2026, 11, 16, 8).AddMinutes(i), TimeLimit.Days(5))).ToList();
        dossiers[1_200].Apply(Start, Vn(2026, 11, 17, 8), Calendar, Officer);
        dossiers[1_200].Apply(Resolve, Vn(2026, 11, 18, 8), Calendar, Officer);
        var import = Guid.CreateVersion7();

        var events = Dossier.RecordedEvents(dossiers, Vn(2026, 11, 30, 8), import, replayId: null).ToList();

        Assert.Equal([500, 500, 201], events.Select(e => e.Dossiers.Count));
        Assert.All(events, e => Assert.Equal((dossiers[0].UnitCode, dossiers[0].ProvinceCode, import, (Guid?)null, Vn(2026, 11, 30, 8)),
            (e.UnitCode, e.ProvinceCode, e.ImportId, e.ReplayId, e.OccurredAt)));
        Assert.Equal(3, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(dossiers.Select(d => d.Id), events.SelectMany(e => e.Dossiers).Select(d => d.DossierId));
        var last = events[2].Dossiers[^1];
        Assert.Equal((DossierTimeliness.Early, Vn(2026, 11, 18, 8), (DateTimeOffset?)Vn(2026, 11, 16, 8).AddMinutes(1_200)),
            (last.Timeliness!.Value, last.FinishedAt!.Value, last.ReceivedAt));
        Assert.Empty(Dossier.RecordedEvents([], Vn(2026, 11, 30, 8), import, replayId: null));
    }

    [Theory]
    [InlineData("", true)] // open, due 16/11 10:00, imported on the 30th: overdue, marked so the scan publishes nothing
    [InlineData("2026-11-16 09:00", false)] // waiting for supplements since before its due instant: its clock stopped in time
    [InlineData("2026-11-17 09:00", true)] // the request came after the due instant: overdue all the same
    public void An_imported_open_dossier_past_its_due_instant_is_marked_overdue_unless_its_clock_stopped_in_time(
        string pausedAt, bool marked)
    {
        var row = new DossierImportRow(
            "HS-1", "1.001612", "online", "BN-1", ReceivedAt: Vn(2026, 11, 16, 8), DueAt: Vn(2026, 11, 16, 10),
            Status: pausedAt.Length == 0 ? "processing" : "supplement-requested", FinishedAt: null,
            PausedAt: pausedAt.Length == 0 ? null : new DateTimeOffset(DateTime.ParseExact(pausedAt, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(7)),
            ElectronicResult: null, Digitised: null, PaidOnline: null, Rating: null, RatedAt: null);
        var procedures = new Dictionary<string, Procedure> { ["1.001612"] = ProcedureWith(TimeLimit.Days(5)) };

        var problems = new ImportProblems();
        var dossier = DossierImport.Read(2, row, procedures, Calendar, Vn(2026, 11, 30, 8), problems);

        Assert.Empty(problems.Listed);
        Assert.NotNull(dossier);
        Assert.Equal(marked, dossier.IsOverdueAt(Vn(2026, 11, 30, 8)));
        Assert.Equal(marked ? Vn(2026, 11, 30, 8) : null, dossier.OverdueAt);
    }

    private static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset Parse(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static Procedure ProcedureWith(TimeLimit limit) => new()
    {
        UnitCode = "06112", ProvinceCode = "20", Code = "1.001612", Name = "Đăng ký khai sinh", Field = "Hộ tịch",
        TimeLimitAmount = limit.Amount, TimeLimitUnit = limit.Unit, Fee = 8000,
    };

    private static Dossier Register(TimeLimit limit, DateTimeOffset at) =>
        Dossier.Register(ProcedureWith(limit), DossierChannel.InPerson, "BN-0001", null, false, at);

    private static Dossier ReceivedAt(DateTimeOffset at, TimeLimit limit)
    {
        var dossier = Register(limit, at);
        dossier.Apply(Receive, at, Calendar, Officer);
        return dossier;
    }

    /// <summary>
    /// A dossier put straight into <paramref name="status"/>: registered (and refused) at the desk, or taken over in that
    /// state as an import does, received 16/11 08:00, due 23/11 08:00, waiting for supplements since 17/11 08:00 or finished then.
    /// </summary>
    private static Dossier InState(DossierStatus status)
    {
        if (status is Registered or Refused)
        {
            var registered = Register(TimeLimit.Days(5), Vn(2026, 11, 16, 8));
            if (status == Refused)
                registered.Apply(Refuse, Vn(2026, 11, 16, 8), Calendar, Officer, "Không thuộc thẩm quyền");
            return registered;
        }
        var finished = status is Resolved or ResultReturned or Stopped or ReturnedNotEligible ? Vn(2026, 11, 17, 8) : (DateTimeOffset?)null;
        var paused = status == SupplementRequested ? Vn(2026, 11, 17, 8) : (DateTimeOffset?)null;
        return Imported(new ImportedState(status, Vn(2026, 11, 16, 8), Vn(2026, 11, 23, 8), paused, finished, false, false, null, null));
    }

    /// <summary>A dossier imported on 16/11 08:00 in <paramref name="state"/>; the import raises no event.</summary>
    private static Dossier Imported(ImportedState state)
    {
        var dossier = Dossier.Import(ProcedureWith(TimeLimit.Days(5)), DossierChannel.InPerson, "BN-0001", "HS-0001", false, state, state.ReceivedAt);
        Assert.Empty(dossier.TakeEvents());
        return dossier;
    }
}
