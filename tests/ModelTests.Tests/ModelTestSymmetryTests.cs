using Stateright.Examples;
using Stateright.Testing;

namespace Stateright.Tests.Testing;

/// <summary>Symmetry = true in a model test: the actor model's declared symmetry, or an error naming the API.</summary>
public class ModelTestSymmetryTests
{
    [Fact]
    public async Task A_model_test_with_Symmetry_true_uses_the_declared_symmetry_or_names_the_api()
    {
        var handle = IModelHandle.TryCreate(TwoPhaseCommitActors.Model(3))!;
        var result = await handle.RunAsync(new ModelTestOptions { Symmetry = true, Threads = 2 }, _ => { }, CancellationToken.None);
        Assert.Equal(CheckerStatus.Exhausted, result.Status);
        Assert.Contains("unique=103", result.Summary);

        var plain = IModelHandle.TryCreate(SingleCopyRegister.Model(clientCount: 2, serverCount: 1))!;
        var error = await Assert.ThrowsAsync<ModelTestConfigurationException>(() => plain.RunAsync(new ModelTestOptions { Symmetry = true }, _ => { }, CancellationToken.None));
        Assert.Contains("Symmetry = true", error.Message);
        Assert.Contains(".Symmetric(", error.Message);
        Assert.DoesNotContain("`", error.Message);
    }
}
