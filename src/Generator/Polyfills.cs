// Language-feature polyfills for netstandard2.0 (records and init accessors need IsExternalInit).
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
