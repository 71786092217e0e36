using System.Runtime.InteropServices;

namespace Fabula.Bench;

/// <summary>
/// Instructions this thread has retired in user mode, from the CPU's own counter (Linux perf_event_open).
/// Unlike wall or CPU time, the count does not change when other processes share the cores, so two
/// builds can be compared on a busy machine. Reads 0 where the counter is not available.
/// </summary>
internal sealed class InstructionCounter : IDisposable
{
    private readonly int _fd = -1;

    public InstructionCounter()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        var attr = new PerfEventAttr
        {
            Type = 0,                                   // PERF_TYPE_HARDWARE
            Size = (uint)Marshal.SizeOf<PerfEventAttr>(),
            Config = 1,                                 // PERF_COUNT_HW_INSTRUCTIONS
            Flags = (1UL << 5) | (1UL << 6),            // exclude_kernel, exclude_hv
        };
        _fd = (int)PerfEventOpen(SysPerfEventOpen, ref attr, 0, -1, -1, 0);
    }

    public long Read()
    {
        if (_fd < 0) return 0;
        long value = 0;
        return ReadCounter(_fd, ref value, 8) == 8 ? value : 0;
    }

    public void Dispose()
    {
        if (_fd >= 0) Close(_fd);
    }

    private const long SysPerfEventOpen = 298; // x86-64

    [StructLayout(LayoutKind.Sequential, Size = 128)]
    private struct PerfEventAttr
    {
        public uint Type;
        public uint Size;
        public ulong Config;
        public ulong SamplePeriod;
        public ulong SampleType;
        public ulong ReadFormat;
        public ulong Flags;
    }

    [DllImport("libc", EntryPoint = "syscall")]
    private static extern long PerfEventOpen(long number, ref PerfEventAttr attr, int pid, int cpu, int groupFd, ulong flags);

    [DllImport("libc", EntryPoint = "read")]
    private static extern nint ReadCounter(int fd, ref long value, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
