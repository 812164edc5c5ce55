using BenchmarkDotNet.Running;
using Halyard.Bench;

if (args.Length > 0 && args[0] == "peer-signing")
{
    return PeerSigning.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
