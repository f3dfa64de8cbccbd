using Tollgate.Manifests;

return await ManifestsCommand.RunAsync(args, Console.Out, Console.Error);
