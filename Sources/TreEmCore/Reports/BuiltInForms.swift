/// The two forms TreEm ships, drawn from what the seed plans ask units to report.
/// Where the national indicator set (Thông tư 13/2021/TT-BLĐTBXH) has the same figure its name is
/// kept in `nationalName`.
extension ReportForm {
    public static let builtIn: [ReportForm] = [actionMonthResults, annualChildWork]

    /// Kết quả Tháng hành động vì trẻ em: what seeds 000, 002, 003 and 004 ask units to do in June.
    public static let actionMonthResults = ReportForm(
        code: "THANG-HANH-DONG",
        name: "Kết quả triển khai Tháng hành động vì trẻ em",
        nameEnglish: "Results of the Action Month for Children",
        planKind: .actionMonth,
        sections: [
            Section(
                title: "1. Thăm hỏi, tặng quà và hỗ trợ trẻ em",
                indicators: [
                    Indicator(
                        code: "AM-QUA-DS",
                        name: "Số trẻ em có hoàn cảnh đặc biệt, khó khăn trong danh sách được rà soát",
                        nameEnglish: "Children in special or difficult circumstances on the reviewed list",
                        unit: "trẻ em", type: .integer),
                    Indicator(
                        code: "AM-QUA-TRE", name: "Số trẻ em được thăm hỏi, tặng quà",
                        nameEnglish: "Children visited and given gifts",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex, .ageGroup], partOf: "AM-QUA-DS"),
                    Indicator(
                        code: "AM-QUA-HCDB", name: "Trong đó: trẻ em có hoàn cảnh đặc biệt",
                        nameEnglish: "of whom in special circumstances",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE"),
                    Indicator(
                        code: "AM-TIEN-NS", name: "Kinh phí từ ngân sách nhà nước",
                        nameEnglish: "Money from the state budget",
                        unit: "đồng", type: .money),
                    Indicator(
                        code: "AM-TIEN-XHH", name: "Kinh phí vận động, xã hội hóa",
                        nameEnglish: "Money mobilised from donors",
                        unit: "đồng", type: .money),
                    Indicator(
                        code: "AM-HIEN-VAT", name: "Quà tặng bằng hiện vật (quy ra tiền)",
                        nameEnglish: "Gifts in kind (value)",
                        unit: "đồng", type: .money),
                ]),
            Section(
                title: "2. Truyền thông",
                indicators: [
                    Indicator(
                        code: "AM-PHAT-DONG", name: "Tổ chức lễ phát động Tháng hành động vì trẻ em",
                        nameEnglish: "Launch ceremony held",
                        unit: "có/không", type: .yesNo),
                    Indicator(
                        code: "AM-TT-SU-KIEN", name: "Số buổi, sự kiện truyền thông",
                        nameEnglish: "Communication events",
                        unit: "buổi", type: .integer),
                    Indicator(
                        code: "AM-TT-LUOT", name: "Số lượt người tham dự truyền thông",
                        nameEnglish: "People reached by communication events",
                        unit: "lượt người", type: .integer),
                    Indicator(
                        code: "AM-TT-BANG-RON", name: "Số băng rôn, khẩu hiệu, pa nô",
                        nameEnglish: "Banners and posters",
                        unit: "chiếc", type: .integer),
                    Indicator(
                        code: "AM-TT-PHAT-THANH", name: "Số tin, bài trên đài truyền thanh, cổng thông tin",
                        nameEnglish: "Broadcasts and articles",
                        unit: "tin, bài", type: .integer),
                ]),
            Section(
                title: "3. Trẻ em tham gia",
                indicators: [
                    Indicator(
                        code: "AM-DIEN-DAN", name: "Số diễn đàn, đối thoại trẻ em được tổ chức",
                        nameEnglish: "Children's forums held",
                        unit: "diễn đàn", type: .integer),
                    Indicator(
                        code: "AM-LAY-Y-KIEN", name: "Số trẻ em được tham gia, lấy ý kiến",
                        nameEnglish: "Children consulted",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex]),
                ]),
            Section(
                title: "4. Vui chơi, hoạt động hè, phòng, chống đuối nước",
                indicators: [
                    Indicator(
                        code: "AM-HOAT-DONG-HE", name: "Số hoạt động vui chơi, giải trí, sinh hoạt hè",
                        nameEnglish: "Summer activities",
                        unit: "hoạt động", type: .integer),
                    Indicator(
                        code: "AM-LOP-BOI", name: "Số lớp dạy bơi, an toàn trong môi trường nước",
                        nameEnglish: "Swimming classes",
                        unit: "lớp", type: .integer),
                    Indicator(
                        code: "AM-HOC-BOI", name: "Số trẻ em được dạy bơi", nameEnglish: "Children taught to swim",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex, .ageGroup]),
                    Indicator(
                        code: "AM-BIET-BOI", name: "Trong đó: số trẻ em biết bơi sau khóa học",
                        nameEnglish: "of whom can swim after the class",
                        unit: "trẻ em", type: .integer, partOf: "AM-HOC-BOI"),
                    Indicator(
                        code: "AM-NGUY-CO", name: "Số điểm nguy cơ mất an toàn được rà soát",
                        nameEnglish: "Hazard sites reviewed",
                        unit: "điểm", type: .integer),
                    Indicator(
                        code: "AM-NGUY-CO-XU-LY", name: "Số điểm nguy cơ đã khắc phục, rào chắn, cắm biển cảnh báo",
                        nameEnglish: "Hazard sites made safe", unit: "điểm", type: .integer, partOf: "AM-NGUY-CO"),
                ]),
            Section(
                title: "5. Vụ việc xâm hại, bạo lực, tai nạn thương tích trẻ em trong tháng",
                indicators: [
                    Indicator(
                        code: "AM-XAM-HAI", name: "Số trẻ em bị xâm hại", nameEnglish: "Children abused",
                        unit: "trẻ em", type: .integer,
                        breakdowns: [.sex, .ageGroup], nationalName: "Số trẻ em bị xâm hại"),
                    Indicator(
                        code: "AM-XAM-HAI-TINH-DUC", name: "Trong đó: bị xâm hại tình dục",
                        nameEnglish: "of whom sexually abused",
                        unit: "trẻ em", type: .integer, partOf: "AM-XAM-HAI"),
                    Indicator(
                        code: "AM-DUOI-NUOC", name: "Số vụ đuối nước trẻ em", nameEnglish: "Drowning incidents",
                        unit: "vụ", type: .integer),
                    Indicator(
                        code: "AM-DUOI-NUOC-TU-VONG", name: "Số trẻ em tử vong do đuối nước",
                        nameEnglish: "Children drowned",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex], partOf: "AM-DUOI-NUOC"),
                    Indicator(
                        code: "AM-TNTT", name: "Số trẻ em bị tai nạn thương tích khác",
                        nameEnglish: "Children injured (other injuries)",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex]),
                ]),
        ])

    /// Kết quả công tác trẻ em năm: the targets of seed 001 (Thị trấn Ba Tơ, 2024), "phấn đấu 100% … 90% …".
    public static let annualChildWork = ReportForm(
        code: "CONG-TAC-TRE-EM",
        name: "Kết quả thực hiện công tác trẻ em năm",
        nameEnglish: "Results of the year's children's work",
        planKind: .annualChildWork,
        sections: [
            Section(
                title: "1. Trẻ em có hoàn cảnh đặc biệt",
                indicators: [
                    Indicator(
                        code: "CT-HCDB", name: "Số trẻ em có hoàn cảnh đặc biệt",
                        nameEnglish: "Children in special circumstances",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex],
                        nationalName: "Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt"),
                    Indicator(
                        code: "CT-HCDB-TRO-GIUP",
                        name: "Số trẻ em có hoàn cảnh đặc biệt được bảo vệ, chăm sóc, trợ giúp",
                        nameEnglish: "of whom supported", unit: "trẻ em", type: .integer, partOf: "CT-HCDB",
                        nationalName: "Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp"),
                    Indicator(
                        code: "CT-HCDB-TY-LE", name: "Tỷ lệ trẻ em có hoàn cảnh đặc biệt được bảo vệ, chăm sóc",
                        nameEnglish: "Share of children in special circumstances supported", unit: "%", type: .percent,
                        target: 100, ratio: IndicatorRatio(numerator: "CT-HCDB-TRO-GIUP", denominator: "CT-HCDB")),
                ]),
            Section(
                title: "2. Chăm sóc sức khỏe",
                indicators: [
                    Indicator(
                        code: "CT-SO-SINH", name: "Số trẻ em sinh ra trong năm",
                        nameEnglish: "Children born in the year",
                        unit: "trẻ em", type: .integer),
                    Indicator(
                        code: "CT-SO-SINH-BHYT", name: "Số trẻ em sinh ra trong năm được cấp thẻ bảo hiểm y tế",
                        nameEnglish: "of whom given a health-insurance card", unit: "trẻ em", type: .integer,
                        partOf: "CT-SO-SINH"),
                    Indicator(
                        code: "CT-BHYT-TY-LE", name: "Tỷ lệ trẻ em sinh ra trong năm được cấp thẻ bảo hiểm y tế",
                        nameEnglish: "Share of newborns given a health-insurance card", unit: "%", type: .percent,
                        target: 100, ratio: IndicatorRatio(numerator: "CT-SO-SINH-BHYT", denominator: "CT-SO-SINH")),
                ]),
            Section(
                title: "3. Trẻ em khuyết tật",
                indicators: [
                    Indicator(
                        code: "CT-KHUYET-TAT", name: "Số trẻ em khuyết tật", nameEnglish: "Disabled children",
                        unit: "trẻ em",
                        type: .integer, breakdowns: [.sex]),
                    Indicator(
                        code: "CT-KHUYET-TAT-DICH-VU",
                        name: "Số trẻ em khuyết tật được tiếp cận dịch vụ bảo vệ, chăm sóc, giáo dục tại cộng đồng",
                        nameEnglish: "of whom reached by services in the community", unit: "trẻ em", type: .integer,
                        partOf: "CT-KHUYET-TAT"),
                    Indicator(
                        code: "CT-KHUYET-TAT-TY-LE", name: "Tỷ lệ trẻ em khuyết tật được tiếp cận dịch vụ",
                        nameEnglish: "Share of disabled children reached by services", unit: "%", type: .percent,
                        target: 90,
                        ratio: IndicatorRatio(numerator: "CT-KHUYET-TAT-DICH-VU", denominator: "CT-KHUYET-TAT")),
                ]),
            Section(
                title: "4. Bảo vệ trẻ em",
                indicators: [
                    Indicator(
                        code: "CT-XAM-HAI", name: "Số trẻ em bị xâm hại", nameEnglish: "Children abused",
                        unit: "trẻ em", type: .integer,
                        breakdowns: [.sex, .ageGroup], nationalName: "Số trẻ em bị xâm hại"),
                    Indicator(
                        code: "CT-TNTT", name: "Số trẻ em bị tai nạn thương tích", nameEnglish: "Children injured",
                        unit: "trẻ em",
                        type: .integer, breakdowns: [.sex]),
                    Indicator(
                        code: "CT-DIEM-VUI-CHOI", name: "Có điểm vui chơi dành cho trẻ em",
                        nameEnglish: "Has a play area for children",
                        unit: "có/không", type: .yesNo),
                ]),
        ])
}
