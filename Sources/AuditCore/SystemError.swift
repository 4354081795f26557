#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the system refused (an `errno`), in both languages: strerror speaks only the C
/// locale's English, and an inspector reading Chinese should not meet it.
public enum SystemError {
    public static func reason(_ code: Int32) -> Label {
        let en = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        let zh: String? = switch code {
        case ENOENT: "文件或文件夹不存在"
        case EACCES, EPERM: "没有权限"
        case EISDIR: "是文件夹"
        case ENOTDIR: "路径中有一部分不是文件夹"
        case ENOSPC: "磁盘空间不足"
        case EDQUOT: "超出磁盘配额"
        case EROFS: "文件系统只读"
        case EEXIST: "已存在"
        case ENOTEMPTY: "文件夹不为空"
        case EXDEV: "不能跨文件系统改名"
        case ELOOP: "链接层数过多（可能是循环链接）"
        case ENAMETOOLONG: "文件名过长"
        case EMFILE, ENFILE: "打开的文件过多"
        case EIO: "输入输出错误"
        case EBADF: "文件描述符无效（已关闭）"
        case EPIPE: "管道的读取端已关闭"
        case EFBIG: "文件过大"
        case EBUSY: "设备或资源忙"
        case ENOMEM: "内存不足"
        case EINVAL: "参数无效"
        default: nil
        }
        return Label(zh: zh ?? "系统错误 \(code)（\(en)）", en: en)
    }

    /// The reason for the current `errno`.
    public static var current: Label { reason(errno) }
}
