using ParPlatform.Contracts.Finance;
using ParPlatform.Messaging.Outbox;

namespace ParPlatform.Finance.Domain;

/// <summary>
/// A case of disposing of a public asset (xử lý tài sản công: liquidation, demolition, sale, transfer…), noted as the report
/// tells it: the date, the asset, the decision if any, and what was done (001:127: the liquidation council formed and the
/// stilt house of the old Linh Dẫn restaurant demolished). Tenant-owned row.
/// </summary>
public sealed class AssetDisposal : Aggregate
{
    private AssetDisposal()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public string Asset { get; private set; } = null!;

    public string? Decision { get; private set; }

    public string Note { get; private set; } = null!;

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public override string EventKey() => Id.ToString();

    public static AssetDisposal Record(string unitCode, string provinceCode, DateOnly date, string asset, string? decision, string note,
        string by, DateTimeOffset at)
    {
        var disposal = new AssetDisposal
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, Date = date, Asset = asset, Decision = decision, Note = note, RecordedBy = by,
            RecordedAt = at,
        };
        disposal.Raise(new AssetDisposalRecorded
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, OccurredAt = at, DisposalId = disposal.Id, Date = date, Asset = asset,
            Decision = decision, Note = note,
        });
        return disposal;
    }
}
