import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `map` with the second half of the elements on another core: compiling the rules is a third
/// of a single report's run (`audit outlet.yaml`), and the rules compile independently. The
/// results keep the elements' order, so the output does not depend on the threads.
enum ParallelMap {
    /// Below this many elements a second thread costs more than it saves.
    static let minimumCount = 16

    static func map<T: Sendable, R: Sendable>(_ elements: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        guard elements.count >= minimumCount, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return elements.map(transform) }
        let half = elements.count / 2
        let second = Results<R>()
        let group = DispatchGroup()
        let tail = Array(elements[half...])
        DispatchQueue.global().async(group: group) {
            second.values = tail.map(transform)
        }
        var results = elements[..<half].map(transform)
        group.wait()
        results += second.values
        return results
    }

    /// Written by the other thread before `group.wait()` returns, read only after it.
    private final class Results<R>: @unchecked Sendable {
        var values: [R] = []
    }
}
