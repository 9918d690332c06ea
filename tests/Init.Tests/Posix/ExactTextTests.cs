using Init.Options;
using Init.Posix;
using Xunit;

namespace Init.Tests.Posix;

/// <summary>Arguments and environment values reach the child byte for byte, UTF-8 or not.</summary>
public class ExactTextTests
{
    public static TheoryData<byte[]> Samples => new()
    {
        Convert.FromHexString("fffec32880"),   // not UTF-8: stray bytes, a lead byte without its continuation
        Convert.FromHexString("eda080"),       // a surrogate encoded in UTF-8 (invalid)
        Convert.FromHexString("c080"),         // an overlong NUL
        Convert.FromHexString("f09f98"),       // a 4-byte sequence cut short
        Convert.FromHexString("f09f9880ff"),   // a whole emoji, then a stray byte
        "plain ascii =/'\"\\"u8.ToArray(),
        "gr\u00fc\u00dfe \u20ac \U0001F600"u8.ToArray(),
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Encode_gives_back_exactly_what_was_decoded(byte[] bytes) =>
        Assert.Equal(bytes, ExactText.Encode(ExactText.Decode(bytes)));

    [Fact]
    public void Any_bytes_survive_the_round_trip()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 12)];
            random.NextBytes(bytes);
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = bytes[j] == 0 ? (byte)1 : bytes[j]; // a C string has no NUL inside
            }
            Assert.Equal(bytes, ExactText.Encode(ExactText.Decode(bytes)));
        }
    }

    [Fact]
    public void Valid_UTF8_decodes_as_text()
    {
        Assert.Equal("gr\u00fc\u00dfe \U0001F600", ExactText.Decode("gr\u00fc\u00dfe \U0001F600"u8));
        Assert.Equal("a\uDCFFb", ExactText.Decode([(byte)'a', 0xff, (byte)'b']));
    }

    [Fact]
    public void A_C_string_ends_in_one_NUL() =>
        Assert.Equal(new byte[] { 0xff, (byte)'x', 0 }, ExactText.Encode(ExactText.Decode([0xff, (byte)'x']), terminate: true));

    /// <summary>Plain text takes the one-call path (no surrogate to escape); it must end the same way.</summary>
    [Fact]
    public void A_plain_C_string_ends_in_one_NUL()
    {
        Assert.Equal(new byte[] { (byte)'x', 0xc3, 0xbc, 0 }, ExactText.Encode("xü", terminate: true));
        Assert.Equal(new byte[] { 0 }, ExactText.Encode("", terminate: true));
    }

    [Fact]
    public void A_command_splits_into_words_with_its_bytes_kept()
    {
        byte[] odd = [0xff, 0xfe, 0xc3, 0x28, 0x80];
        var line = ExactText.Decode([.. "probe args 'a b' "u8, .. odd, .. " x\\"u8, .. odd]);

        var words = CommandWords.Split(line).Select(w => ExactText.Encode(w)).ToArray();

        Assert.Equal([[.. "probe"u8], [.. "args"u8], [.. "a b"u8], odd, [(byte)'x', .. odd]], words);
    }
}
