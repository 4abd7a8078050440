import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// The unit list as a person uses it: one level at a time, a search box, and what a divided
/// commune's page says about where its figures are counted.
@Suite("The unit list, level by level, with search")
struct UnitTreePageTests {
    /// `/units` with a search text, encoded as a browser would send it.
    static func searchPath(_ text: String, asOf day: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+%")
        return "/units?asOf=\(day)&q=\(text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text)"
    }

    /// The names shown as links in the page's unit tables, in order.
    static func listed(_ html: String) -> [String] {
        html.matches(of: /<td data-label="[^"]*"><a href="[^"]*">([^<]+)<\/a>/).map { String($0.1) }
    }

    @Test("The national list as of 2024-06-01 is the provinces, no commune among them")
    func provincesFirst() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            let page = try await browser.get("/units?asOf=2024-06-01")
            #expect(page.status == .ok)
            let names = Self.listed(page.body.string)
            #expect(names.contains("Tỉnh Hải Dương"))
            #expect(names.contains("Thành phố Hải Phòng"))
            #expect(!names.isEmpty && names.allSatisfy { $0.hasPrefix("Tỉnh ") || $0.hasPrefix("Thành phố ") })
            for commune in ["Xã Đồng Cẩm", "Xã Hòa Bình", "Thị trấn Phú Thái", "Huyện Kim Thành"] {
                #expect(!page.body.string.contains(commune), "\(commune) is not on the top level")
            }
            // Each province leads one level down, and says how many units lie there.
            #expect(page.body.string.contains("href=\"/units?asOf=2024-06-01&amp;parent=30\""))
        }
    }

    @Test("Drilling down: Huyện Kim Thành in 2024, Thành phố Hải Phòng in 2026")
    func drillDown() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            let province = try await browser.get("/units?asOf=2024-06-01&parent=30")
            #expect(Self.listed(province.body.string).contains("Huyện Kim Thành"))
            let district = try await browser.get("/units?asOf=2024-06-01&parent=293")
            #expect(district.status == .ok)
            let communes = Self.listed(district.body.string)
            #expect(communes.contains("Xã Đồng Cẩm"))
            #expect(communes.contains("Thị trấn Phú Thái"))
            #expect(district.body.string.contains("xã, phường, thị trấn · Tại ngày 01/6/2024"))
            // Breadcrumbs lead back up: the whole country, then the province.
            #expect(district.body.string.contains("<a href=\"/units?asOf=2024-06-01\">Toàn quốc</a>"))
            #expect(
                district.body.string.contains("<a href=\"/units?asOf=2024-06-01&amp;parent=30\">Tỉnh Hải Dương</a>"))

            let city = try await browser.get("/units?asOf=2026-06-01&parent=31")
            #expect(city.status == .ok)
            let after = Self.listed(city.body.string)
            #expect(after.contains("Xã Kim Thành"))
            #expect(!after.contains("Huyện Kim Thành"), "no district after the reform")
            #expect(city.body.string.contains("xã, phường, đặc khu"), "no town (thị trấn) after the reform")
            #expect(!city.body.string.contains("Xã Đồng Cẩm"))

            // A unit the caller cannot see cannot be browsed either.
            let outsider = Browser(app: f.app)
            try await outsider.signIn("b.admin")
            #expect(try await outsider.get("/units?asOf=2026-06-01&parent=10804").status == .notFound)
        }
    }

    @Test("A commune user's list is their commune and its villages")
    func communeTop() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get("/units?asOf=2024-06-01")
            #expect(page.status == .ok)
            // Before the merger: the communes Xã Kim Thành was formed from, each with its villages.
            #expect(page.body.string.contains("Xã Đồng Cẩm"))
            #expect(Self.listed(page.body.string).contains("Thôn Cẩm La"))
            #expect(!page.body.string.contains("Tỉnh Hải Dương"))
            let now = try await browser.get("/units?asOf=2026-06-01")
            #expect(now.body.string.contains("Xã Kim Thành"))
            #expect(!now.body.string.contains("Thành phố Hải Phòng"))
        }
    }

    @Test("Search ignores case and diacritics, within the caller's scope and the day")
    func search() async throws {
        try await withTreEm { f in
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            let found = try await admin.get(Self.searchPath("kim thanh", asOf: "2026-06-01"))
            #expect(found.status == .ok)
            #expect(Self.listed(found.body.string).contains("Xã Kim Thành"))
            // Each hit says where it lies.
            #expect(found.body.string.contains("Xã Kim Thành</a> <span class=\"muted\">— Thành phố Hải Phòng</span>"))
            #expect(!found.body.string.contains("Huyện Kim Thành"), "the district was gone by 2026")
            let typed = try await admin.get(Self.searchPath("KIM THÀNH", asOf: "2024-06-01"))
            #expect(Self.listed(typed.body.string).contains("Huyện Kim Thành"))
            #expect(!Self.listed(typed.body.string).contains("Xã Kim Thành"), "not yet formed in 2024")

            let outsider = Browser(app: f.app)
            try await outsider.signIn("b.admin")
            let hidden = try await outsider.get(Self.searchPath("kim thanh", asOf: "2026-06-01"))
            #expect(hidden.status == .ok)
            #expect(!hidden.body.string.contains("Xã Kim Thành"), "another commune's unit")
            #expect(hidden.body.string.contains("Không có đơn vị nào"))
            #expect(try await outsider.get("/units/10804").status == .notFound)
            #expect(
                Self.listed(try await outsider.get(Self.searchPath("phu thai", asOf: "2026-06-01")).body.string)
                    .contains("Xã Phú Thái"))
        }
    }

    @Test("% and _ in a search are letters, not wildcards")
    func searchWildcards() async throws {
        try await withTreEm { f in
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            for text in ["%", "_", "kim_thanh", "%kim%", "\\"] {
                let page = try await admin.get(Self.searchPath(text, asOf: "2026-06-01"))
                #expect(page.status == .ok, "searching \(text)")
                #expect(Self.listed(page.body.string).isEmpty, "searching \(text) matched units")
                #expect(page.body.string.contains("Không có đơn vị nào"))
            }
        }
    }

    @Test("Many hits: the first 50 are shown, and the page says how many there are")
    func searchCap() async throws {
        try await withTreEm { f in
            let commune = try await unitID(Fixture.communeA, on: "2026-06-01", app: f.app)
            for number in 1...60 {
                try await UnitModel(
                    record: UnitRecord(
                        code: "10804-T\(number)", name: "Thôn Mới \(number)", level: .village,
                        parentCode: Fixture.communeA, validFrom: CalendarDay(iso: "2025-07-01"), validTo: nil),
                    parentID: commune
                ).create(on: f.app.db)
            }
            try await UnitDirectory.rebuildScope(on: f.app.db)
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get(Self.searchPath("thon moi", asOf: "2026-06-01"))
            #expect(Self.listed(page.body.string).count == 50)
            #expect(page.body.string.contains("Hiển thị 50 trên 60 kết quả"))
            // The commune's own list names its 60 new villages at once: one level is small.
            let list = try await browser.get("/units?asOf=2026-06-01")
            #expect(Self.listed(list.body.string).filter { $0.hasPrefix("Thôn Mới") }.count == 60)
        }
    }

    @Test("A divided commune's page says where its figures are counted")
    func division() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            // Xã Hòa Bình was divided; its default successor (Xã Hà Nam) lies outside the test slice.
            let old = try await browser.get("/units/10798?asOf=2024-06-01")
            #expect(old.status == .ok)
            let oldPage = old.body.string
            #expect(oldPage.contains("Xã Kim Thành"))
            #expect(oldPage.contains("10804 · từ 01/7/2025 đến nay"), "a successor shows its validity")
            #expect(oldPage.contains("Xã Hòa Bình được chia cho nhiều đơn vị"))
            #expect(oldPage.contains("đơn vị kế thừa mặc định, không có trong danh sách trên"))
            #expect(!oldPage.contains("mặc định — số liệu"), "Xã Kim Thành is not its default successor")

            let new = try await browser.get("/units/10804?asOf=2026-06-01").body.string
            #expect(new.contains("10798 · đến 30/6/2025"), "a predecessor shows its validity")
            #expect(new.contains("không tính ở đây mà ở một đơn vị kế thừa khác"))
            // Xã Đồng Cẩm became Xã Kim Thành whole: nothing to say about it.
            let dongCam = try #require(new.firstRange(of: "Xã Đồng Cẩm</a>"))
            #expect(!new[dongCam.upperBound...].prefix(80).contains("chia"))
        }
    }

    @Test("The default successor of a divided commune is marked on the old commune's page")
    func defaultSuccessor() async throws {
        try await withTreEm { f in
            // The slice lacks Hòa Bình's default successor: make Xã Kim Thành a second one
            // (Xã Phú Thái) and the default, as the whole country's data would.
            let hoaBinh = try await unitID("10798", on: "2024-06-01", app: f.app)
            let phuThai = try await unitID(Fixture.communeB, on: "2026-06-01", app: f.app)
            try await UnitSuccessionModel(
                predecessorID: hoaBinh, successorID: phuThai, effectiveOn: NationalUnits.reformDay, isDefault: true
            ).create(on: f.app.db)
            try await UnitDirectory.rebuildScope(on: f.app.db)
            let admin = Browser(app: f.app)
            try await admin.signIn("admin")
            let old = try await admin.get("/units/10798?asOf=2024-06-01").body.string
            #expect(old.contains("mặc định — số liệu trước 01/7/2025 được tính ở đây"))
            #expect(old.contains("chỉ được tính một lần, ở đơn vị kế thừa mặc định"))
            // On Xã Kim Thành's page, the predecessor names where its figures went…
            let kimThanh = try await admin.get("/units/10804?asOf=2026-06-01").body.string
            #expect(kimThanh.contains("không tính ở đây mà ở <a href=\"/units/10750?asOf=2025-07-01\">Xã Phú Thái</a>"))
            // …on Xã Phú Thái's, that they are counted there.
            let phuThaiPage = try await admin.get("/units/10750?asOf=2026-06-01").body.string
            #expect(phuThaiPage.contains("được tính ở đây (đơn vị kế thừa mặc định)"))
            // An officer of Xã Kim Thành does not see Xã Phú Thái: it is not named to them.
            let officer = Browser(app: f.app)
            try await officer.signIn("a.officer")
            let theirs = try await officer.get("/units/10804?asOf=2026-06-01").body.string
            #expect(theirs.contains("không tính ở đây mà ở một đơn vị kế thừa khác"))
            #expect(!theirs.contains("Xã Phú Thái"))
        }
    }

    @Test("The unit list answers in English too")
    func english() async throws {
        try await withTreEm { f in
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            _ = try await browser.get("/language/en?next=/units")
            let page = try await browser.get("/units?asOf=2026-06-01")
            #expect(page.body.string.contains("Whole country"))
            #expect(page.body.string.contains("Find a unit"))
            #expect(page.body.string.contains("provinces"))
        }
    }
}
