using ParPlatform.TestSupport;

namespace ParPlatform.Staffing.Tests;

/// <summary>The staffing service under test (<see cref="ServiceFixture{TProgram}"/>) and the codes of the units and provinces it knows.</summary>
public sealed class StaffingFixture() : ServiceFixture<Program>("staffing")
{
    public const string TamThanh = "06112", ChiLang = "06181", NamGiaNghia = "24778", LangSon = "20", LamDong = "68";
}
