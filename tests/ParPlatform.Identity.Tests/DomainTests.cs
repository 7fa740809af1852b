using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Tokens;

namespace ParPlatform.Identity.Tests;

/// <summary>The registry's rules as plain C#: lockout and request validation.</summary>
public sealed class DomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_fifth_wrong_password_in_a_row_from_an_address_locks_it_out_for_fifteen_minutes()
    {
        var lockout = new SignInLockout { UserId = Guid.NewGuid(), Address = "203.0.113.7" };

        for (var i = 0; i < 4; i++)
            lockout.RecordFailure(Now);
        Assert.False(lockout.IsLockedAt(Now));
        lockout.RecordFailure(Now);

        Assert.True(lockout.IsLockedAt(Now.AddMinutes(14)));
        Assert.False(lockout.IsLockedAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void One_name_may_be_tried_ten_times_in_any_minute_whatever_the_others()
    {
        var clock = new MinuteClock { Now = Now };
        var attempts = new SignInAttempts(clock);

        var first = Enumerable.Range(0, 11).Select(_ => attempts.TryAttempt("admin")).ToList();
        var another = attempts.TryAttempt("vanhanh");
        clock.Now = Now.AddSeconds(59);
        var stillWithinTheMinute = attempts.TryAttempt("admin");
        clock.Now = Now.AddMinutes(1);
        var aMinuteLater = Enumerable.Range(0, 11).Select(_ => attempts.TryAttempt("admin")).ToList();

        Assert.Equal([.. Enumerable.Repeat(true, 10), false], first);
        Assert.True(another);
        Assert.False(stillWithinTheMinute);
        Assert.Equal([.. Enumerable.Repeat(true, 10), false], aMinuteLater);
    }

    [Theory]
    [InlineData("unit-officer", "06112", "van-phong", null, null)]
    [InlineData("unit-chairman", "06112", null, null, null)]
    [InlineData("province-reviewer", null, null, "20", null)]
    [InlineData("platform-admin", null, null, null, null)]
    [InlineData("unit-officer", "06112", null, null, "agencyCode")]
    [InlineData("unit-officer", null, "van-phong", null, "unitCode")]
    [InlineData("province-reviewer", null, null, null, "provinceCode")]
    [InlineData("province-reviewer", "06112", null, "20", "unitCode")]
    [InlineData("operator", null, null, "20", "role")]
    [InlineData("integrator", null, null, null, "role")]
    public void A_user_has_what_the_role_needs_and_nothing_else(string role, string? unit, string? agency, string? province, string? errorField)
    {
        var errors = new RegisterUser("nguoi.dung", "Người dùng", role, "MatKhau12345", unit, agency, province).Validate().ToDictionary();

        if (errorField is null)
            Assert.Empty(errors);
        else
            Assert.Contains(errorField, errors.Keys);
    }

    [Theory]
    [InlineData("ngan")]
    [InlineData("chicochu-khongso")]
    [InlineData("1234567890123")]
    public void A_password_has_ten_characters_with_letters_and_digits(string password)
    {
        var errors = new RegisterUser("nguoi.dung", "Người dùng", "platform-admin", password, null, null, null).Validate().ToDictionary();

        Assert.Equal(["password"], errors.Keys);
    }

    [Theory]
    [InlineData("20", null, null)]
    [InlineData(null, new[] { "06112" }, null)]
    [InlineData(null, null, "provinceCode")]
    [InlineData("20", new[] { "06112" }, "provinceCode")]
    [InlineData(null, new[] { "6112" }, "unitCodes")]
    public void An_integrator_is_scoped_to_one_province_or_to_listed_units(string? province, string[]? units, string? errorField)
    {
        var errors = new RegisterIntegrator("cong-dvc", "Cổng DVC", province, units?.ToList()).Validate().ToDictionary();

        if (errorField is null)
            Assert.Empty(errors);
        else
            Assert.Equal([errorField], errors.Keys);
    }
}

/// <summary>A clock the test moves.</summary>
internal sealed class MinuteClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
