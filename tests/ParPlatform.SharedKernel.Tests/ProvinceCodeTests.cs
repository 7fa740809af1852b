namespace ParPlatform.SharedKernel.Tests;

public sealed class ProvinceCodeTests
{
    [Theory]
    [InlineData("20")]
    [InlineData("01")]
    public void Two_digits_is_a_province_code(string text)
    {
        Assert.True(ProvinceCode.TryParse(text, out var code));
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("200")]
    [InlineData("2a")]
    [InlineData("２０")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(ProvinceCode.TryParse(text, out _));
        if (text is not null)
            Assert.Throws<FormatException>(() => ProvinceCode.Parse(text));
    }
}
