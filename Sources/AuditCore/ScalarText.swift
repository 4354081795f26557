extension String {
    /// The string of these scalars, encoded once into UTF-8 bytes: `String.UnicodeScalarView`
    /// appends scalar by scalar through a generic path several times slower, and the rule
    /// compiler builds thousands of such strings on every start.
    public init<S: Collection>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
