using ParPlatform.Contracts.Finance;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Domain;

/// <summary>An asset type of an inventory as the decision lists it: its form ("01a") and name.</summary>
public sealed record AssetTypeContent(string Form, string Name);

/// <summary>What a subject of an inventory has done by now: its team formed, its assets registered by form, its report sent.</summary>
public sealed record SubjectProgress(string Name, DateOnly? TeamFormedOn, DateOnly? RegisteredOn, IReadOnlyList<string> AssetForms, DateOnly? ReportSubmittedOn);

/// <summary>
/// A general inventory of public assets (tổng kiểm kê tài sản công) as a unit carries it out: the decision ordering it and
/// how many asset types it counts (19 under 213/QĐ-TTg), the types the unit's subjects register, the deadlines of
/// registration and of the reports, and its own list of subjects (đối tượng kiểm kê: 16 for Tam Thanh, not the
/// registry's agencies) with each one's progress. Tenant-owned row, one per unit and inventory code.
/// </summary>
public sealed class AssetInventory : Aggregate
{
    private AssetInventory()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public string? Decision { get; private set; }

    /// <summary>How many asset types the decision counts (19); the unit registers some of them.</summary>
    public int AssetTypeCount { get; private set; }

    public DateOnly? RegistrationDeadline { get; private set; }

    /// <summary>The day by which the subjects send their reports (on it is on time: "trước 31/3/2026").</summary>
    public DateOnly ReportDeadline { get; private set; }

    public string ChangedBy { get; private set; } = null!;

    /// <summary>When the inventory or a subject last changed: each change updates the row, so two changes at once cannot both win.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public uint Version { get; private set; }

    public List<InventoryAssetType> AssetTypes { get; private set; } = [];

    public List<InventorySubject> Subjects { get; private set; } = [];

    public override string EventKey() => $"asset-inventory:{UnitCode}:{Code}";

    public static AssetInventory Open(string unitCode, string provinceCode, string code) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Code = code };

    /// <summary>
    /// Sets what the inventory is: its name, decision, the number of asset types counted, the types registered (each form
    /// once, no more than counted, none dropped that a subject registered) and its deadlines (registration no later than
    /// the reports).
    /// </summary>
    public void Define(string name, string? decision, int assetTypeCount, IReadOnlyList<AssetTypeContent> assetTypes,
        DateOnly? registrationDeadline, DateOnly reportDeadline, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assetTypes);
        if (assetTypes.Count > assetTypeCount)
            throw new DomainInputException("assetTypes", $"Nhiều hơn {assetTypeCount} loại tài sản kiểm kê của quyết định.");
        for (var i = 0; i < assetTypes.Count; i++)
        {
            if (assetTypes.Take(i).Any(t => t.Form == assetTypes[i].Form))
                throw new DomainInputException($"assetTypes[{i}].form", $"Mẫu số {assetTypes[i].Form} đã có ở dòng trước.");
        }
        var dropped = Subjects.SelectMany(s => s.AssetForms).FirstOrDefault(f => !assetTypes.Any(t => t.Form == f));
        if (dropped is not null)
            throw new DomainInputException("assetTypes", $"Đã có đơn vị đăng ký tài sản theo mẫu số {dropped}: không bỏ loại này được.");
        if (registrationDeadline > reportDeadline)
            throw new DomainInputException("registrationDeadline", "Hạn đăng ký không được sau hạn gửi báo cáo.");
        (Name, Decision, AssetTypeCount, RegistrationDeadline, ReportDeadline, ChangedBy, ChangedAt) =
            (name, decision, assetTypeCount, registrationDeadline, reportDeadline, by, at);
        AssetTypes.Clear();
        AssetTypes.AddRange(assetTypes.Select((t, i) => new InventoryAssetType(this, t, i + 1)));
        RaiseProgress(null, at);
    }

    /// <summary>
    /// Records a subject's progress, whole: the asset forms it registered are the inventory's types; it registers them on a
    /// date, with at least one; its report comes after its registration.
    /// </summary>
    public InventorySubject Record(string subjectCode, SubjectProgress progress, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(progress);
        for (var i = 0; i < progress.AssetForms.Count; i++)
        {
            var form = progress.AssetForms[i];
            if (!AssetTypes.Any(t => t.Form == form))
                throw new DomainInputException($"assetForms[{i}]",
                    $"Mẫu số {form} không thuộc các loại tài sản của đợt kiểm kê ({string.Join(", ", AssetTypes.Select(t => t.Form))}).");
            if (progress.AssetForms.Take(i).Contains(form))
                throw new DomainInputException($"assetForms[{i}]", $"Mẫu số {form} đã có ở trước.");
        }
        if (progress.RegisteredOn is null && progress.AssetForms.Count > 0)
            throw new DomainInputException("registeredOn", "Ghi ngày đăng ký đối tượng kiểm kê khi đã có loại tài sản đăng ký.");
        if (progress.RegisteredOn is not null && progress.AssetForms.Count == 0)
            throw new DomainInputException("assetForms", "Đơn vị đã đăng ký cần ít nhất một loại tài sản (mẫu số).");
        if (progress.ReportSubmittedOn is { } submitted && (progress.RegisteredOn is not { } registered || submitted < registered))
            throw new DomainInputException("reportSubmittedOn", "Báo cáo kiểm kê được gửi sau khi đăng ký đối tượng kiểm kê.");
        var subject = Subjects.SingleOrDefault(s => s.Code == subjectCode);
        if (subject is null)
            Subjects.Add(subject = new InventorySubject(this, subjectCode));
        subject.Set(progress, by, at);
        (ChangedBy, ChangedAt) = (by, at);
        RaiseProgress(subjectCode, at);
        return subject;
    }

    private void RaiseProgress(string? subjectCode, DateTimeOffset at) => Raise(new AssetInventoryProgressed
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, InventoryCode = Code, Name = Name, AssetTypeCount = AssetTypeCount,
        RegisteredForms = [.. AssetTypes.Where(t => Subjects.Any(s => s.AssetForms.Contains(t.Form))).Select(t => t.Form)],
        RegistrationDeadline = RegistrationDeadline, ReportDeadline = ReportDeadline, SubjectCode = subjectCode, Subjects = Subjects.Count,
        TeamsFormed = Subjects.Count(s => s.TeamFormedOn is not null), Registered = Subjects.Count(s => s.RegisteredOn is not null),
        ReportsSubmitted = Subjects.Count(s => s.ReportSubmittedOn is not null),
    });
}

/// <summary>An asset type an inventory counts, in the decision's order. Tenant-owned row.</summary>
public sealed class InventoryAssetType
{
    private InventoryAssetType()
    {
    }

    internal InventoryAssetType(AssetInventory inventory, AssetTypeContent content, int ordinal) =>
        (InventoryId, UnitCode, ProvinceCode, Form, Name, Ordinal) =
        (inventory.Id, inventory.UnitCode, inventory.ProvinceCode, content.Form, content.Name, ordinal);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid InventoryId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string Form { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public int Ordinal { get; private set; }
}

/// <summary>A subject of an inventory (an agency, a school, a public service unit…) and its progress. Tenant-owned row.</summary>
public sealed class InventorySubject
{
    private InventorySubject()
    {
    }

    internal InventorySubject(AssetInventory inventory, string code) =>
        (InventoryId, UnitCode, ProvinceCode, Code) = (inventory.Id, inventory.UnitCode, inventory.ProvinceCode, code);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid InventoryId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public DateOnly? TeamFormedOn { get; private set; }

    public DateOnly? RegisteredOn { get; private set; }

    /// <summary>The forms of the asset types it registered ("01a").</summary>
    public List<string> AssetForms { get; private set; } = [];

    public DateOnly? ReportSubmittedOn { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Set(SubjectProgress progress, string by, DateTimeOffset at) =>
        (Name, TeamFormedOn, RegisteredOn, AssetForms, ReportSubmittedOn, RecordedBy, RecordedAt) =
        (progress.Name, progress.TeamFormedOn, progress.RegisteredOn, [.. progress.AssetForms], progress.ReportSubmittedOn, by, at);
}
