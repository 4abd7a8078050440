/// Chủ đề và khẩu hiệu của Tháng hành động vì trẻ em, year by year. The ministry sets each
/// year's theme (Thông tư 28/2019/TT-BLĐTBXH, Điều 3); plans of that year copy it.
public struct YearTheme: Codable, Hashable, Sendable {
    public var year: Int
    public var theme: String
    public var slogans: [String]

    public init(year: Int, theme: String, slogans: [String] = []) {
        self.year = year
        self.theme = theme
        self.slogans = slogans
    }

    /// The years known when TreEm was written; administrators add later years.
    public static let builtIn: [YearTheme] = [
        YearTheme(year: 2017, theme: "Triển khai Luật trẻ em và phòng, chống bạo lực, xâm hại trẻ em"),
        YearTheme(year: 2018, theme: "Vì cuộc sống an toàn, lành mạnh cho trẻ em trong thế giới công nghệ số"),
        YearTheme(
            year: 2021, theme: "Chung tay bảo đảm thực hiện quyền trẻ em, bảo vệ trẻ em trong thiên tai, dịch bệnh"),
        YearTheme(year: 2022, theme: "Chung tay bảo vệ trẻ em, hãy lên tiếng phòng, chống xâm hại, bạo lực trẻ em"),
        YearTheme(year: 2023, theme: "Chung tay giảm thiểu tổn hại trẻ em"),
        // Seeds 000 and 003 (Kiến An, Lai Châu 2024) carry the ministry's twelve slogans.
        YearTheme(
            year: 2024, theme: "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
            slogans: [
                "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.",
                "Ưu tiên nguồn lực cho trẻ em để đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc.",
                "Bảo đảm vai trò chủ đạo của ngân sách nhà nước để thực hiện chính sách đối với trẻ em.",
                "Bảo đảm quyền trẻ em phải là trung tâm của chính sách, chiến lược phát triển đất nước.",
                "Toàn dân chăm sóc, giáo dục và bảo vệ trẻ em.",
                "Tăng cường chăm sóc, giáo dục và bảo vệ trẻ em vì sự phát triển đất nước phồn vinh, hạnh phúc.",
                "Tổng đài 111 - tiếp nhận thông tin mọi lúc, bảo vệ trẻ em mọi nơi.",
                "Phòng ngừa và chấm dứt lao động trẻ em vì sự phát triển bền vững.",
                "Chăm sóc sức khỏe tâm thần để trẻ em phát triển toàn diện.",
                "Phòng, chống tai nạn, thương tích để bảo đảm quyền được sống của trẻ em.",
                "Gia đình, cộng đồng giám sát, trông giữ trẻ em để phòng, chống đuối nước.",
                "Lắng nghe trẻ em để chăm sóc, giáo dục và bảo vệ trẻ em.",
            ]),
        YearTheme(year: 2025, theme: "Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em"),
        // Seed 002 (Kim Thành 2026).
        YearTheme(
            year: 2026, theme: "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số",
            slogans: [
                "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số.",
                "Tổng đài 111 - tiếp nhận thông tin mọi lúc, bảo vệ trẻ em mọi nơi.",
            ]),
    ]
}
