using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Finance;
using ParPlatform.Contracts.Identity;
using ParPlatform.Contracts.Plans;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// Tam Thanh's records of Q1/2026 as the services publish them (seed 001 and INVENTORY.md section 1): the registry's
/// agencies, the procedure catalogue's counts (399 active; the split by online level is illustrative), finance's estimates, actuals, capital plans and disbursements, autonomy and the asset inventory, staffing's
/// quota, headcount and movements. Amounts are in đồng; where the seed gives only a percentage, the estimate is the one
/// INVENTORY.md implies (65.519, 73.038, 14.533, 18.474, 200.000, 214.286 triệu).
/// </summary>
public static class TamThanhFigures
{
    public const string Unit = "26001", Province = "26";

    public static readonly DateOnly ReportDate = new(2026, 3, 5);

    public static readonly ReportPeriod Period = new(2026, ReportPeriodKind.Q1);

    public static readonly DateWindow Window = new(new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28));

    /// <summary>Q1/2026 as Lạng Sơn collects it: the default window, due 05/03/2026.</summary>
    public static readonly ScheduledPeriod Scheduled = new(Period, Period.Name, Window, ReportDate);

    private const long Million = 1_000_000;

    public static readonly string[] Administrative =
        ["Văn phòng HĐND và UBND", "phòng Kinh tế, Hạ tầng và Đô thị", "phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công"];

    public static readonly string[] PublicService =
    [
        "Trung tâm Dịch vụ công ích", "Trường Mầm non Hoa Hồng", "Trường Mầm non Hoa Sen", "Trường Mầm non Sơn Ca", "Trường Tiểu học Tam Thanh",
        "Trường Tiểu học Vĩnh Trại", "Trường Tiểu học Hoàng Văn Thụ", "Trường THCS Tam Thanh", "Trường THCS Vĩnh Trại",
    ];

    /// <summary>Form II.06a of the window (001:79), the feedback since 01/12/2025 (001:83), the ratings (001:93) and digitisation to date (001:75).</summary>
    public static DossierFigures Dossiers() => new(
        StatisticsRow.From(null, new DossierCounts
        {
            CarriedOver = 180, ReceivedOnline = 1877, ReceivedInPersonOrPostal = 0, ResolvedEarly = 1733, ResolvedLate = 10,
            PendingWithinDeadline = 248, PendingOverdue = 1, ReturnedWithdrawnNotEligible = 65, VerySatisfied = 203, Satisfied = 2,
        }),
        FeedbackToDate: 1, ReceivedToDate: 7919, DigitisedToDate: 7919);

    public static UnitSources Sources()
    {
        T E<T>(T e) where T : Contracts.IntegrationEvent => e with { UnitCode = Unit, ProvinceCode = Province };
        var agencies = Administrative.Select((name, i) => new AgencyState($"CQ{i + 1:00}", name, AgencyKind.Administrative))
            .Concat(PublicService.Select((name, i) => new AgencyState($"SN{i + 1:00}", name, i == 0 ? AgencyKind.PublicService : AgencyKind.School)))
            .Append(new AgencyState("CA01", "Công an phường", AgencyKind.Police))
            .ToList();
        BudgetEstimateSet Estimate(string item, EstimateBasis basis, long millions) => E(new BudgetEstimateSet
        {
            UnitCode = "", ProvinceCode = "", Year = 2026, ItemCode = item, Basis = basis, AmountDong = millions * Million,
            DecidedOn = new DateOnly(2026, 1, 5), Revision = 1,
        });
        BudgetActualRecorded Actual(string item, long millions) => E(new BudgetActualRecorded
        {
            UnitCode = "", ProvinceCode = "", Year = 2026, ItemCode = item, AsOf = new DateOnly(2026, 2, 28), AmountDong = millions * Million,
        });
        DisbursementRecorded Disbursed(string source, long dong, DateOnly date) => E(new DisbursementRecorded
        {
            UnitCode = "", ProvinceCode = "", Year = 2025, DisbursementId = Guid.NewGuid(), Date = date, SourceCode = source, AmountDong = dong,
        });
        AutonomyApproved Autonomy(string code, AutonomyGroup group) => E(new AutonomyApproved
        {
            UnitCode = "", ProvinceCode = "", ServiceUnitCode = code, ServiceUnitName = code, Group = group, ApprovedOn = new DateOnly(2025, 9, 1),
        });

        return UnitSources.None with
        {
            Agencies = agencies,
            Catalogue =
            [
                // An earlier count of the catalogue, before its last import, is not the report's.
                E(new ProcedureCatalogueChanged
                {
                    UnitCode = "", ProvinceCode = "", OccurredAt = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), ActiveProcedures = 3,
                    FullyOnline = 1, PartlyOnline = 1, InterLevel = 0,
                }),
                E(new ProcedureCatalogueChanged
                {
                    UnitCode = "", ProvinceCode = "", OccurredAt = new DateTimeOffset(2026, 1, 6, 2, 0, 0, TimeSpan.Zero), ActiveProcedures = 399,
                    FullyOnline = 250, PartlyOnline = 120, InterLevel = 30,
                }),
            ],
            Estimates =
            [
                Estimate("total-revenue", EstimateBasis.ProvinceAssigned, 65_519), Estimate("total-revenue", EstimateBasis.UnitOwn, 73_038),
                Estimate("land-use-fees", EstimateBasis.ProvinceAssigned, 14_533), Estimate("land-use-fees", EstimateBasis.UnitOwn, 18_474),
                Estimate("total-expenditure", EstimateBasis.ProvinceAssigned, 200_000), Estimate("total-expenditure", EstimateBasis.UnitOwn, 214_286),
            ],
            Actuals =
            [
                Actual("total-revenue", 44_553), Actual("land-use-fees", 21_799), Actual("total-expenditure", 30_000),
                // A later figure than the report's date is not the report's.
                E(new BudgetActualRecorded
                {
                    UnitCode = "", ProvinceCode = "", Year = 2026, ItemCode = "total-revenue", AsOf = new DateOnly(2026, 3, 31), AmountDong = 60_000 * Million,
                }),
            ],
            CapitalPlans =
            [
                E(new CapitalPlanSet
                {
                    UnitCode = "", ProvinceCode = "", Year = 2025, TotalDong = 4_649 * Million,
                    Sources = [new("nstw", 779 * Million), new("nsdp", 3_870 * Million)],
                }),
                E(new CapitalPlanSet
                {
                    UnitCode = "", ProvinceCode = "", Year = 2026, TotalDong = 18_125 * Million,
                    Sources = [new("nstw", 14_725 * Million), new("nsdp", 3_400 * Million)],
                }),
            ],
            Disbursements =
            [
                Disbursed("nstw", 779 * Million, new DateOnly(2025, 11, 20)),
                Disbursed("nsdp", 2_500 * Million, new DateOnly(2025, 12, 15)),
                Disbursed("nsdp", 690_400_000, new DateOnly(2026, 1, 31)),
            ],
            Autonomy =
            [
                Autonomy("SN01", AutonomyGroup.HalfSelfFunding),
                .. PublicService.Skip(1).Select((_, i) => Autonomy($"SN{i + 2:00}", AutonomyGroup.StateFunded)),
            ],
            AssetInventories =
            [
                E(new AssetInventoryProgressed
                {
                    UnitCode = "", ProvinceCode = "", InventoryCode = "tkk-2026", Name = "Tổng kiểm kê tài sản công 2026", AssetTypeCount = 19,
                    RegisteredForms = ["01a", "02a", "18a"], RegistrationDeadline = new DateOnly(2026, 1, 31), ReportDeadline = new DateOnly(2026, 3, 31),
                    Subjects = 16, TeamsFormed = 16, Registered = 16, ReportsSubmitted = 0,
                }),
            ],
            Quotas =
            [
                E(new QuotaSet
                {
                    UnitCode = "", ProvinceCode = "", Year = 2026, CivilServants = 52, BudgetPaidPublicEmployees = 323, SelfPaidPublicEmployees = 4,
                    Total = 379, Provisional = true, DecidedOn = new DateOnly(2026, 1, 10),
                }),
            ],
            Headcounts =
            [
                E(new HeadcountRecorded { UnitCode = "", ProvinceCode = "", AsOf = new DateOnly(2026, 2, 28), CivilServants = 45, PublicEmployees = 319, Total = 364 }),
                E(new HeadcountRecorded { UnitCode = "", ProvinceCode = "", AsOf = new DateOnly(2025, 12, 31), CivilServants = 46, PublicEmployees = 318, Total = 364 }),
            ],
            Movements =
            [
                E(new MovementsRecorded
                {
                    UnitCode = "", ProvinceCode = "", Period = "2026-Q1", TransferredToCivilService = 1, PromotionRegistrations = 14, Discipline = [],
                }),
            ],
            // The ward's 2025 plan: its disbursement target is not in the seeds; "vượt 12% theo chỉ tiêu" (001:129) implies about 73%
            // (INVENTORY.md row 63, read as percentage points).
            Plans = [Plan2025],
            Targets =
            [
                E(new TargetSet
                {
                    UnitCode = "", ProvinceCode = "", PlanId = Plan2025.PlanId, TargetId = Guid.NewGuid(), IndicatorCode = "Finance.DisbursementRate",
                    Comparator = TargetComparator.AtLeast, Threshold = 73, FromYear = 2025, ToYear = 2025,
                }),
            ],
        };
    }

    private static readonly PlanIssued Plan2025 = new()
    {
        UnitCode = Unit, ProvinceCode = Province, PlanId = Guid.NewGuid(), Reference = "15/KH-UBND", IssueDate = new DateOnly(2025, 1, 10),
        FromYear = 2025, ToYear = 2025, TargetCount = 1, TaskCount = 0,
    };
}
