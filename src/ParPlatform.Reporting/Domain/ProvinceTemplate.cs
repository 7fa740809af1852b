namespace ParPlatform.Reporting.Domain;

/// <summary>
/// What a province sets of its units' report: the legal-basis preamble (the province's guidance documents, before "UBND …
/// báo cáo kết quả …"), the recipients (Nơi nhận) and the sentences that print the computed figures. Text may name figures
/// as the sentences do ("TT HĐND {Report.UnitKind};"). The headings are Lạng Sơn's (<see cref="ReportTemplate.Headings"/>).
/// </summary>
public sealed record ProvinceTemplate(string? Preamble, IReadOnlyList<string> Recipients, IReadOnlyList<TemplateParagraph> Paragraphs)
{
    public const int MaxText = 4_000, MaxRecipients = 20, MaxParagraphs = 200;

    /// <summary>
    /// Lạng Sơn's template as Tam Thanh's report of Q1/2026 follows it (seed 001), without a preamble: its preamble cites
    /// Lạng Sơn's own guidance (Công văn 2043/SNV-TCBC, 2171/SNV-TCBC), which no other province's report may print, so each
    /// province sets its own.
    /// </summary>
    public static readonly ProvinceTemplate Default = new(null,
    [
        "Sở Nội vụ tỉnh;", "TT Đảng ủy {Report.UnitKind} (b/c);", "TT HĐND {Report.UnitKind};", "CT, các PCT UBND {Report.UnitKind};",
        "Các cơ quan, đơn vị {Report.UnitKind};", "C, PCVPHĐND và UBND;", "Lưu: VT.",
    ], ReportTemplate.Paragraphs);

    /// <summary>What is wrong with a template a province sends, by field; empty when nothing is.</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Preamble is { Length: > MaxText })
            problems.Add(("preamble", $"Phần căn cứ tối đa {MaxText:N0} ký tự."));
        if (Recipients is null || Recipients.Count is 0 or > MaxRecipients || Recipients.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 200))
            problems.Add(("recipients", $"Từ 1 đến {MaxRecipients} nơi nhận, mỗi nơi từ 1 đến 200 ký tự."));
        if (Paragraphs is null || Paragraphs.Count > MaxParagraphs)
        {
            problems.Add(("paragraphs", $"Tối đa {MaxParagraphs} câu."));
            return problems;
        }
        for (var i = 0; i < Paragraphs.Count; i++)
        {
            var p = Paragraphs[i];
            if (p is null || ReportTemplate.Headings.All(h => h.Key != p.SectionKey))
                problems.Add(($"paragraphs[{i}].sectionKey", "Không có đề mục này trong báo cáo (I, II.1.1 … V)."));
            else if (string.IsNullOrWhiteSpace(p.Text) || p.Text.Length > MaxText || p.ZeroText is { Length: > MaxText })
                problems.Add(($"paragraphs[{i}].text", $"Câu từ 1 đến {MaxText:N0} ký tự."));
            else if (TemplateText.Placeholders(p.Text + p.ZeroText).FirstOrDefault(x => x.Format is not null && !TemplateText.Formats.Contains(x.Format)) is
                     { Code: not null } unknown)
                problems.Add(($"paragraphs[{i}].text", $"Định dạng \"{unknown.Format}\" của {{{unknown.Code}}} không có; có: {string.Join(", ", TemplateText.Formats)}."));
            else if (p.ZeroFigure is not null != p.ZeroText is not null)
                problems.Add(($"paragraphs[{i}].zeroText", "Câu thay thế khi bằng 0 cần cả số liệu (zeroFigure) và câu (zeroText)."));
        }
        foreach (var (text, field) in Recipients?.Select((r, i) => (r, $"recipients[{i}]")).Append((Preamble ?? "", "preamble")) ?? [])
        {
            if (TemplateText.Placeholders(text).FirstOrDefault(x => x.Format is not null) is { Code: not null } formatted)
                problems.Add((field, $"{{{formatted.Code}:{formatted.Format}}}: phần căn cứ và nơi nhận chỉ dùng tên, cấp đơn vị, không định dạng số."));
        }
        return problems;
    }
}

/// <summary>A province's template (<see cref="ProvinceTemplate"/> as JSON); a province without a row uses the default.</summary>
public sealed class ProvinceTemplateEntry
{
    public required string ProvinceCode { get; init; }

    public required string Template { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
