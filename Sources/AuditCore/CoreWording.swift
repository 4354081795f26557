// What the core says about the files it writes, zh and en side by side.

extension Message {
    /// `kind`: what is at the path — "FIFO", "device", "socket", "folder".
    public static func notARegularFile(_ path: String, kind: String) -> Message {
        let zh = ["FIFO": "命名管道", "device": "设备", "socket": "套接字", "folder": "文件夹"][kind] ?? kind
        return Message("output.not-regular", en: "\(path): not a regular file (a \(kind)); --output writes only regular files",
                       zh: "\(path)：不是普通文件（\(zh)）；--output 只写普通文件")
    }

    public static func danglingLink(_ path: String) -> Message {
        Message("output.dangling-link", en: "\(path): a link to a missing file; --output writes through a link only to an existing file",
                zh: "\(path)：链接指向的文件不存在；--output 只经由链接写入已存在的文件")
    }

    public static func outputIsInput(_ path: String, input: String) -> Message {
        Message("output.is-input", en: "\(path): is an input of this run (\(input)); choose another --output",
                zh: "\(path)：是本次运行的输入（\(input)）；请另选 --output")
    }

    public static func cannotWriteFile(_ path: String, reason: Label) -> Message {
        Message("output.write", en: "\(path): cannot write: \(reason.en)", zh: "\(path)：无法写入：\(reason.zh)")
    }

    public static func cannotRename(_ path: String, reason: Label) -> Message {
        Message("output.rename", en: "\(path): cannot rename into place: \(reason.en)", zh: "\(path)：无法改名就位：\(reason.zh)")
    }

    /// `stream`: "standard output" or "standard error".
    public static func cannotWriteStream(_ stream: String, reason: Label) -> Message {
        Message("output.stream", en: "\(stream): cannot write: \(reason.en)",
                zh: "\(stream == "standard output" ? "标准输出" : "标准错误")：无法写入：\(reason.zh)")
    }
}
