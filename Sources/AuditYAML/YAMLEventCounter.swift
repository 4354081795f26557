import CYAML

/// Runs libyaml's event loop alone, building nothing: the baseline for measuring what the
/// loader adds on top of libyaml.
public enum YAMLEventCounter {
    /// The number of events libyaml produces for `bytes` (stream start and end included),
    /// or `nil` when libyaml reports an error.
    public static func countEvents(bytes: [UInt8]) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var empty: UInt8 = 0
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            withUnsafeMutablePointer(to: &empty) { emptyPointer -> Int? in
                yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(emptyPointer), buffer.count)
                var event = yaml_event_t()
                var count = 0
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                    count &+= 1
                    let done = event.type == YAML_STREAM_END_EVENT
                    yaml_event_delete(&event)
                    if done { return count }
                }
            }
        }
    }
}
