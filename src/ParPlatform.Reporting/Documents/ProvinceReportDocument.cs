using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParPlatform.Reporting.Apis;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;
using static ParPlatform.Reporting.Documents.WordParts;

namespace ParPlatform.Reporting.Documents;

/// <summary>
/// The province's consolidated report of a period as a Word document, in the layout of the units' reports (Decree
/// 30/2020/NĐ-CP): the Department of Home Affairs' header, the title, I. who has reported (on time, late, returned, missing)
/// with the rates and a row per unit, the recipients and signature; then, on landscape pages, appendix I (form II.06a of
/// every unit with the province's total) and appendix II (the units' scorecards ranked).
/// </summary>
public static class ProvinceReportDocument
{
    public static byte[] Build(string provinceName, string periodName, DateOnly date, SubmissionsResponse submissions,
        (StatisticsRow Total, IReadOnlyList<(string UnitCode, string UnitName, StatisticsRow Statistics)> Units) statistics,
        IReadOnlyList<RankedScorecard> ranking)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(ranking);
        var period = char.ToLowerInvariant(periodName[0]) + periodName[1..];
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var (firstHeader, pagedHeader) = AddHeaders(main);
            var body = new Body();
            body.Append(HeaderTable(R($"UBND TỈNH {provinceName.ToUpperInvariant()}", size: 26), R("SỞ NỘI VỤ", bold: true, size: 26), "      /BC-SNV",
                ReportSentences.PlaceAndDate(provinceName, date)));
            body.Append(Centered(R("BÁO CÁO", bold: true)),
                Centered(R("Tổng hợp tình hình, kết quả công tác cải cách hành chính của các xã, phường", bold: true)), Centered(R(periodName, bold: true)));
            body.Append(Text($"Sở Nội vụ tổng hợp báo cáo công tác cải cách hành chính {period} của các xã, phường trên địa bàn tỉnh {provinceName} như sau:"));
            body.Append(Heading("I. TÌNH HÌNH GỬI BÁO CÁO"));
            body.Append(Text($"Có {Count(submissions.Submitted)}/{Count(submissions.Units)} đơn vị đã gửi báo cáo (đạt {Percent(submissions.ReportingRate)}), " +
                $"trong đó {Count(submissions.OnTime)} đơn vị gửi đúng hạn ({Percent(submissions.OnTimeRate)}), {Count(submissions.Late)} đơn vị gửi muộn " +
                $"so với hạn {submissions.Due:dd/MM/yyyy}; {Count(submissions.Returned)} báo cáo bị trả lại, {Count(submissions.Accepted)} báo cáo đã được " +
                $"tiếp nhận; {Count(submissions.Missing)} đơn vị chưa gửi báo cáo."));
            body.Append(GridTable([600, 3000, 1800, 1700, 1300, 1300], ["STT", "Đơn vị", "Tình trạng", "Số báo cáo", "Ngày gửi", "Đúng hạn"],
                submissions.UnitReports.Select((u, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), u.UnitName,
                    Status(u), u.DocumentNumber ?? "", u.FirstSubmittedOn is { } on ? $"{on:dd/MM/yyyy}" : "", u.OnTime switch { true => "Có", false => "Không", _ => "" }])));
            body.Append(Text("Kết quả giải quyết thủ tục hành chính (mẫu II.06a) và xếp hạng thực hiện các chỉ tiêu của từng đơn vị tại các phụ lục kèm theo."));
            body.Append(SignatureTable(Recipients, "GIÁM ĐỐC"));
            // The first part is portrait; the tables of units follow on landscape pages.
            body.Append(new Paragraph(new ParagraphProperties(Section(portrait: true, firstHeader, pagedHeader))));
            body.Append(Heading("Phụ lục I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (MẪU II.06a)"));
            var columns = AppendixTable.Columns.Skip(1).Prepend("Đơn vị").ToList();
            body.Append(GridTable([2570, .. Enumerable.Repeat(1000, columns.Count - 1)], columns,
                statistics.Units.OrderBy(u => u.UnitCode, StringComparer.Ordinal).Select(u => (u.UnitName, u.Statistics))
                    .Append(("Toàn tỉnh", statistics.Total))
                    .Select(u => (IReadOnlyList<string>)[u.Item1, .. AppendixTable.Counts(u.Item2).Select(ReportSentences.Count)])));
            body.Append(Heading("Phụ lục II. XẾP HẠNG THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH CCHC"));
            body.Append(GridTable([800, 3400, 1300, 1300, 1300, 1300, 1400], ["Hạng", "Đơn vị", "Số chỉ tiêu", "Đạt", "Không đạt", "Chưa có số liệu", "Tỷ lệ đạt"],
                ranking.Select(r => (IReadOnlyList<string>)[r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", r.UnitName,
                    Count(r.Targets), Count(r.Met), Count(r.NotMet), Count(r.NoData), Percent(r.MetRate)])));
            body.Append(Section(portrait: false, firstHeader, pagedHeader));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    public static readonly string[] Recipients = ["UBND tỉnh (b/c);", "Giám đốc, các Phó Giám đốc Sở;", "UBND các xã, phường;", "Lưu: VT."];

    private static string Count(long count) => ReportSentences.Count(count);

    private static string Percent(Rate rate) => rate.Percent is { } p ? TemplateText.Number(p, 2) + "%" : "—";

    private static string Status(UnitSubmission unit) => unit.Status switch
    {
        "missing" => "Chưa gửi",
        "returned" => "Bị trả lại: " + unit.ReturnReason,
        "accepted" => "Đã tiếp nhận",
        _ => unit.OnTime == true ? "Đã gửi đúng hạn" : "Đã gửi muộn",
    };

    private static Paragraph Heading(string text) => new(new ParagraphProperties(new KeepNext(), Indent()), R(text, bold: true));
}
