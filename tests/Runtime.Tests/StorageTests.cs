using System.Net;
using System.Text;
using System.Text.Json;
using Stateright.Runtime;

namespace Stateright.Tests.Runtime;

public sealed class StorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"stateright-storage-{Guid.NewGuid():N}");

    public sealed record Durable(int Counter, string Note);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Files_are_named_by_endpoint_and_replaced_atomically_without_leftovers()
    {
        var storage = new FileStorage(_directory);
        var endpoint = new IPEndPoint(IPAddress.Loopback, 3000);
        Assert.Null(storage.Read(endpoint));
        storage.Write(endpoint, "one"u8);
        storage.Write(endpoint, "two"u8);
        Assert.Equal("two", Encoding.UTF8.GetString(storage.Read(endpoint)!));
        Assert.Equal([Path.Combine(_directory, "127.0.0.1-3000.storage")], Directory.GetFiles(_directory));
        storage.Delete(endpoint);
        Assert.Null(storage.Read(endpoint));
    }

    [Fact]
    public void A_failed_write_throws_and_keeps_nothing_half_written()
    {
        File.WriteAllText(_directory, "a file where the directory should be");
        try
        {
            var storage = new FileStorage(_directory);
            Assert.ThrowsAny<IOException>(() => storage.Write(new IPEndPoint(IPAddress.Loopback, 1), "x"u8));
        }
        finally
        {
            File.Delete(_directory);
        }
    }

    [Fact]
    public void Json_storage_round_trips_untyped_and_typed()
    {
        var untyped = JsonStorageSerializer.Default;
        var bytes = untyped.Serialize(new Durable(3, "n"));
        Assert.StartsWith("""{"type":"Stateright.Tests.Runtime.StorageTests+Durable, Stateright.Testing.Runtime.Tests","value":{"Counter":3""", Encoding.UTF8.GetString(bytes));
        Assert.Equal(new Durable(3, "n"), untyped.Deserialize(bytes));

        var typed = JsonStorageSerializer.For<Durable>();
        Assert.Equal("""{"Counter":4,"Note":"m"}""", Encoding.UTF8.GetString(typed.Serialize(new Durable(4, "m"))));
        Assert.Equal(new Durable(4, "m"), typed.Deserialize("""{"Counter":4,"Note":"m"}"""u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"type":"No.Such.Type, Nowhere","value":1}""")]
    [InlineData("""{"type":"System.Int32","value":"x"}""")]
    public void Bad_stored_bytes_raise_JsonException(string stored) =>
        Assert.ThrowsAny<JsonException>(() => JsonStorageSerializer.Default.Deserialize(Encoding.UTF8.GetBytes(stored)));
}
