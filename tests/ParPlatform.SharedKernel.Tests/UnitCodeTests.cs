namespace ParPlatform.SharedKernel.Tests;

public sealed class UnitCodeTests
{
    [Theory]
    [InlineData("06112")]
    [InlineData("00001")]
    public void Five_digits_is_a_unit_code(string text)
    {
        Assert.True(UnitCode.TryParse(text, out var code));
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0611")]
    [InlineData("061123")]
    [InlineData("06a12")]
    [InlineData(" 6112")]
    [InlineData("０６１１２")] // full-width digits are not ASCII digits
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(UnitCode.TryParse(text, out _));
        if (text is not null)
            Assert.Throws<FormatException>(() => UnitCode.Parse(text));
    }
}
