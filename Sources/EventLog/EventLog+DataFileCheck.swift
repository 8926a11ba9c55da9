import Foundation
import LMDB

extension EventLog {
    /// Checks the structure of the LMDB data file in `directory` before LMDB reads it, so that a damaged
    /// file is reported rather than trusted: LMDB follows page numbers and offsets without checking
    /// them, and a damaged one can make it read past the end of the file (a crash) or loop.
    ///
    /// First both meta pages (flags, magic, version, page size, last page within the file), read
    /// before LMDB opens the file; then, inside an LMDB read transaction (so that no page of the tree
    /// is reused by a writer meanwhile), every page reachable from the newest meta page: the free-page
    /// database, the main database and each named database, each page's number, type, bounds and node
    /// offsets, overflow runs, no page reached twice, and the page and entry counts each database
    /// records. Returns the first damage found, or `nil` for a sound file. Throws only when the file
    /// cannot be examined for another reason (missing, permissions).
    public static func checkDataFile(in directory: String) throws(EventLogError) -> DataFileDamage? {
        let path = (directory as NSString).appendingPathComponent("data.mdb")
        guard FileManager.default.fileExists(atPath: path) else {
            throw .notAnEventLog(path: directory, reason: "it holds no data.mdb")
        }
        do {
            let pageSize = try DataFileWalker.pageSize(of: path)
            _ = try DataFileWalker.newestMeta(in: try DataFilePages(path: path, pageSize: pageSize))
            let environment: Environment
            do {
                environment = try Environment(path: directory, options: Options(readOnly: true).environmentOptions)
            } catch .system(let code) where code == ENOENT || code == EACCES || code == EPERM {
                throw EventLogError.storage(.system(errno: code))
            } catch {
                return DataFileDamage(page: nil, reason: "LMDB cannot open it (\(error.name))")
            }
            let outcome = try storage { () throws(LMDBError) -> DataFileDamage? in
                try environment.read { (_) throws(LMDBError) -> DataFileDamage? in
                    // A writer may grow the file and commit between mapping it and reading the newest
                    // meta page; a file that changed size since it was mapped is mapped again.
                    for attempt in 1...3 {
                        do throws(DataFileDamage) {
                            let walker = DataFileWalker(pages: try DataFilePages(path: path, pageSize: pageSize))
                            do throws(DataFileDamage) {
                                try walker.walkNewestTree()
                                return nil
                            } catch {
                                let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
                                if attempt < 3 && size != walker.pages.byteCount { continue }
                                return error
                            }
                        } catch {
                            return error
                        }
                    }
                    return nil
                }
            }
            return outcome
        } catch let damage as DataFileDamage {
            return damage
        } catch let error as EventLogError {
            throw error
        } catch {
            return DataFileDamage(page: nil, reason: "\(error)")
        }
    }
}
