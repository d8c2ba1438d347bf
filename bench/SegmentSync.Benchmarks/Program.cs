using SegmentSync.Benchmarks;

return Bench.Run(args);
