using ParPlatform.Plans.Domain;

namespace ParPlatform.Plans.Tests;

/// <summary>The ways seed 002's appendix writes the names of Nam Gia Nghĩa's bodies, matched to its registry (INVENTORY.md §3.2).</summary>
public sealed class BodyNamesTests
{
    private static readonly BodyNames Registry = new(new Dictionary<string, string>
    {
        ["van-phong"] = "Văn phòng HĐND và UBND phường",
        ["van-hoa-xa-hoi"] = "Phòng Văn hóa – Xã hội phường",
        ["kinh-te"] = "Phòng Kinh tế, Hạ tầng và Đô thị",
        ["phuc-vu-hcc"] = "Trung tâm Phục vụ hành chính công phường",
    });

    private static List<BodyRef>? Match(string cell, bool roles = false) => Registry.Match(cell, roles, []);

    [Theory]
    [InlineData("Phòng Văn hoá - Xã hội", "van-hoa-xa-hoi")]
    [InlineData("Phòng Văn hóa – Xã hội phường", "van-hoa-xa-hoi")]
    [InlineData("phòng Văn hóa - Xã hội phường", "van-hoa-xa-hoi")]
    [InlineData("Phòng văn hoá – xã hội", "van-hoa-xa-hoi")]
    [InlineData("Phòng Văn hoá-Xã hội", "van-hoa-xa-hoi")]
    [InlineData("Văn phòng HĐND và UBND", "van-phong")]
    [InlineData("Văn phòng UBND và HĐND phường", "van-phong")]
    [InlineData("Trung Tâm Phục vụ hành chính công phường", "phuc-vu-hcc")]
    [InlineData("Trung Tâm hành chính công phường", "phuc-vu-hcc")]
    [InlineData("Phòng kinh tế", "kinh-te")]
    public void One_body_written_many_ways(string cell, string code) => Assert.Equal(code, Assert.Single(Match(cell)!).AgencyCode);

    [Fact]
    public void The_same_name_decomposed_is_the_same_body() =>
        Assert.Equal("van-hoa-xa-hoi", Assert.Single(Match("Phòng Văn hoá - Xã hội".Normalize(System.Text.NormalizationForm.FormD))!).AgencyCode);

    [Fact]
    public void Row_1_5_has_three_leads() =>
        Assert.Equal(["van-hoa-xa-hoi", "kinh-te", "van-phong"],
            Match("Phòng Văn hoá - Xã hội; Phòng Kinh tế, Hạ tầng và Đô thị;Văn phòng HĐND và UBND phường")!.Select(b => b.AgencyCode));

    [Fact]
    public void Groups_and_roles_of_the_cooperating_column()
    {
        Assert.Equal(BodyGroup.AllAgencies, Assert.Single(Match("Các phòng thuộc UBND phường", roles: true)!).Group);
        Assert.Equal(BodyGroup.InspectedBodies, Assert.Single(Match("Các đơn vị được kiểm tra", roles: true)!).Group);
        Assert.Equal(new BodyRef(null, BodyGroup.RelatedAgencies, "được phân công làm đầu mối tiếp nhận"),
            Assert.Single(Match("Các phòng liên quan được phân công làm đầu mối tiếp nhận", roles: true)!));
        Assert.Equal([new BodyRef(null, BodyGroup.RelatedAgencies), new BodyRef("van-phong", null, "theo dõi đôn đốc, kiểm tra")],
            Match("Các phòng liên quan;Văn phòng HĐND và UBND phường theo dõi đôn đốc, kiểm tra", roles: true));
        Assert.Equal(new BodyRef("van-phong", null, "theo dõi đôn đốc, kiểm tra"),
            Assert.Single(Match("Văn phòng UBND và HĐND phường theo dõi đôn đốc, kiểm tra", roles: true)!));
    }

    [Fact]
    public void An_unknown_name_is_listed_and_a_lead_takes_no_role()
    {
        var unknown = new List<string>();

        Assert.Null(Registry.Match("Phòng Tư pháp; Phòng Văn hoá - Xã hội", roles: false, unknown));
        Assert.Equal(["Phòng Tư pháp"], unknown);
        Assert.Null(Match("Văn phòng HĐND và UBND phường theo dõi đôn đốc"));
        Assert.Null(Match("Phòng hội")); // too few words to be a shortened name
    }

    [Fact]
    public void Empty_cells_name_no_body() => Assert.Empty(Match("")!);
}
