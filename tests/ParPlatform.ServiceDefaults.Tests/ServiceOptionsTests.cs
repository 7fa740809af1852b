using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ParPlatform.ServiceDefaults.Tests;

public sealed class ServiceOptionsTests
{
    [Fact]
    public void Settings_are_bound_from_their_section_and_served_as_options()
    {
        var builder = Builder(("Sample:Seconds", "30"));

        var options = builder.AddServiceOptions<SampleOptions>("Sample");

        Assert.Equal(30, options.Seconds);
        Assert.Same(options, builder.Build().Services.GetRequiredService<IOptions<SampleOptions>>().Value);
    }

    [Fact]
    public void A_missing_setting_keeps_its_default()
    {
        Assert.Equal(60, Builder().AddServiceOptions<SampleOptions>("Sample").Seconds);
    }

    [Theory]
    [InlineData("0", "Sample:Seconds")]
    [InlineData("-5", "Sample:Seconds")]
    [InlineData("soon", "Sample")] // not a number at all
    public void A_wrong_setting_stops_the_service_at_start_naming_it(string value, string named)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Builder(("Sample:Seconds", value)).AddServiceOptions<SampleOptions>("Sample"));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_across_fields_is_checked_too()
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
            Builder(("Sample:Seconds", "30"), ("Sample:MaxSeconds", "10")).AddServiceOptions<SampleOptions>("Sample"));

        Assert.Contains("Sample:MaxSeconds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_comes_from_elsewhere_is_completed_before_the_check()
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
            Builder().AddServiceOptions<SampleOptions>("Sample", options => options.Seconds = 0));

        Assert.Contains("Sample:Seconds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_added_twice_are_bound_once()
    {
        var builder = Builder(("Sample:Seconds", "30"));

        Assert.Same(builder.AddServiceOptions<SampleOptions>("Sample"), builder.AddServiceOptions<SampleOptions>("Sample"));
    }

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    public sealed class SampleOptions : IValidatableObject
    {
        [Range(1, 3600)]
        public int Seconds { get; set; } = 60;

        public int MaxSeconds { get; set; } = 3600;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (MaxSeconds < Seconds)
                yield return new ValidationResult("must be at least Seconds.", [nameof(MaxSeconds)]);
        }
    }
}
