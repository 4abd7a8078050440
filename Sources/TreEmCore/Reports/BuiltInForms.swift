/// The two forms TreEm ships, drawn from what the seed plans ask units to report and from the
/// Action Month results committees publish (national summaries, provinces, districts and
/// communes, 2023–2025). Where the national indicator set (Thông tư 13/2021/TT-BLĐTBXH) has the
/// same figure its name is kept in `nationalName`.
///
/// This is the forms' second edition (migration M017): every indicator of the first keeps its
/// code, so rounds of either edition add up together and compare year on year; the first
/// edition stays in the database for the rounds opened with it (`replacedBy`).
extension ReportForm {
    public static let builtIn: [ReportForm] = [actionMonthResults, annualChildWork]
    /// The codes of the first edition (M014) and the code of the edition that replaced each.
    public static let firstEditionReplacedBy = [
        "THANG-HANH-DONG": "THANG-HANH-DONG-2", "CONG-TAC-TRE-EM": "CONG-TAC-TRE-EM-2",
    ]

    /// Kết quả Tháng hành động vì trẻ em: what seeds 000, 002, 003 and 004 ask units to do in June.
    public static let actionMonthResults = ReportForm(
        code: "THANG-HANH-DONG-2",
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
                    // Gifts also go to children on no such list (seeds 000 and 002: "vượt khó học
                    // giỏi" pupils, poor children, police officers' children): usually within it.
                    Indicator(
                        code: "AM-QUA-TRE", name: "Số trẻ em được thăm hỏi, tặng quà",
                        nameEnglish: "Children visited and given gifts",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex, .ageGroup], partOf: "AM-QUA-DS",
                        partRule: .usuallyWithin),
                    Indicator(
                        code: "AM-QUA-HCDB", name: "Trong đó: trẻ em có hoàn cảnh đặc biệt",
                        nameEnglish: "of whom in special circumstances",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE", partRule: .subset),
                    // The recipient groups published results name; a child may be in several.
                    Indicator(
                        code: "AM-QUA-NGHEO", name: "Trong đó: trẻ em thuộc hộ nghèo, hộ cận nghèo",
                        nameEnglish: "of whom from poor or near-poor households",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE", partRule: .subset),
                    Indicator(
                        code: "AM-QUA-MO-COI", name: "Trong đó: trẻ em mồ côi", nameEnglish: "of whom orphaned",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE", partRule: .subset),
                    Indicator(
                        code: "AM-QUA-KHUYET-TAT", name: "Trong đó: trẻ em khuyết tật", nameEnglish: "of whom disabled",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE", partRule: .subset),
                    Indicator(
                        code: "AM-QUA-VUOT-KHO", name: "Trong đó: học sinh vượt khó học giỏi",
                        nameEnglish: "of whom pupils doing well despite hardship",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE", partRule: .subset),
                    Indicator(
                        code: "AM-QUA-DTTS", name: "Trong đó: trẻ em người dân tộc thiểu số",
                        nameEnglish: "of whom from ethnic minorities",
                        unit: "trẻ em", type: .integer, partOf: "AM-QUA-TRE", partRule: .subset),
                    // Results count gifts as packages and as child-times as often as children.
                    Indicator(
                        code: "AM-QUA-LUOT", name: "Số lượt trẻ em được thăm hỏi, tặng quà",
                        nameEnglish: "Child-times visited and given gifts", unit: "lượt", type: .integer),
                    Indicator(
                        code: "AM-QUA-SUAT", name: "Số suất quà đã trao", nameEnglish: "Gift packages given",
                        unit: "suất", type: .integer),
                    Indicator(
                        code: "AM-QUA-GIA-TRI", name: "Tổng giá trị các suất quà (tiền và hiện vật)",
                        nameEnglish: "Value of the gift packages (money and in kind)", unit: "đồng", type: .money),
                    Indicator(
                        code: "AM-QUA-BINH-QUAN", name: "Giá trị bình quân một suất quà",
                        nameEnglish: "Average value of a gift package", unit: "đồng/suất", type: .money,
                        ratio: IndicatorRatio(numerator: "AM-QUA-GIA-TRI", denominator: "AM-QUA-SUAT", multiplier: 1)),
                    Indicator(
                        code: "AM-TIEN-TONG", name: "Tổng kinh phí thực hiện Tháng hành động (mọi nguồn)",
                        nameEnglish: "All funds for the Action Month", unit: "đồng", type: .money),
                    Indicator(
                        code: "AM-TIEN-NS", name: "Trong đó: kinh phí từ ngân sách nhà nước",
                        nameEnglish: "of which from the state budget",
                        unit: "đồng", type: .money, partOf: "AM-TIEN-TONG", partRule: .subset),
                    Indicator(
                        code: "AM-TIEN-XHH", name: "Trong đó: kinh phí vận động, xã hội hóa",
                        nameEnglish: "of which mobilised from donors",
                        unit: "đồng", type: .money, partOf: "AM-TIEN-TONG", partRule: .subset),
                    Indicator(
                        code: "AM-HIEN-VAT", name: "Quà tặng bằng hiện vật (quy ra tiền)",
                        nameEnglish: "Gifts in kind (value)",
                        unit: "đồng", type: .money),
                ]),
            Section(
                title: "2. Hỗ trợ học tập và chăm sóc sức khỏe",
                indicators: [
                    Indicator(
                        code: "AM-HOC-BONG-SUAT", name: "Số suất học bổng", nameEnglish: "Scholarships",
                        unit: "suất", type: .integer),
                    Indicator(
                        code: "AM-HOC-BONG-TIEN", name: "Giá trị học bổng", nameEnglish: "Value of the scholarships",
                        unit: "đồng", type: .money),
                    Indicator(
                        code: "AM-DO-DUNG-SUAT", name: "Số suất sách vở, đồ dùng học tập",
                        nameEnglish: "School supply packages", unit: "suất", type: .integer),
                    Indicator(
                        code: "AM-XE-DAP", name: "Số xe đạp tặng trẻ em", nameEnglish: "Bicycles given",
                        unit: "chiếc", type: .integer),
                    Indicator(
                        code: "AM-KHAM-SANG-LOC", name: "Số trẻ em được khám sàng lọc, khám sức khỏe",
                        nameEnglish: "Children screened or given a health check", unit: "trẻ em", type: .integer),
                    Indicator(
                        code: "AM-PHAU-THUAT", name: "Số trẻ em được phẫu thuật (tim bẩm sinh, dị tật…)",
                        nameEnglish: "Children operated on (heart defects, malformations…)", unit: "trẻ em",
                        type: .integer),
                    Indicator(
                        code: "AM-VIEN-PHI", name: "Số trẻ em được hỗ trợ viện phí",
                        nameEnglish: "Children whose hospital fees were paid", unit: "trẻ em", type: .integer),
                    Indicator(
                        code: "AM-VIEN-PHI-TIEN", name: "Kinh phí hỗ trợ viện phí",
                        nameEnglish: "Hospital fees paid", unit: "đồng", type: .money),
                ]),
            Section(
                title: "3. Truyền thông",
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
                title: "4. Trẻ em tham gia, vui chơi, ngày hội",
                indicators: [
                    Indicator(
                        code: "AM-DIEN-DAN", name: "Số diễn đàn, đối thoại trẻ em được tổ chức",
                        nameEnglish: "Children's forums held",
                        unit: "diễn đàn", type: .integer),
                    Indicator(
                        code: "AM-LAY-Y-KIEN", name: "Số trẻ em được tham gia, lấy ý kiến",
                        nameEnglish: "Children consulted",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex]),
                    Indicator(
                        code: "AM-LUOT-THAM-GIA", name: "Số lượt trẻ em tham gia các hoạt động, ngày hội, liên hoan",
                        nameEnglish: "Child-times taking part in activities and festivals", unit: "lượt",
                        type: .integer),
                ]),
            Section(
                title: "5. Hoạt động hè, công trình cho trẻ em, phòng, chống đuối nước",
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
                        unit: "trẻ em", type: .integer, partOf: "AM-HOC-BOI", partRule: .subset),
                    Indicator(
                        code: "AM-NGUY-CO", name: "Số điểm nguy cơ mất an toàn được rà soát",
                        nameEnglish: "Hazard sites reviewed",
                        unit: "điểm", type: .integer),
                    Indicator(
                        code: "AM-NGUY-CO-XU-LY", name: "Số điểm nguy cơ đã khắc phục, rào chắn, cắm biển cảnh báo",
                        nameEnglish: "Hazard sites made safe", unit: "điểm", type: .integer, partOf: "AM-NGUY-CO",
                        partRule: .usuallyWithin),
                    Indicator(
                        code: "AM-CONG-TRINH", name: "Số công trình, sân chơi cho trẻ em được xây mới, sửa chữa",
                        nameEnglish: "Works and play areas for children built or repaired", unit: "công trình",
                        type: .integer),
                    Indicator(
                        code: "AM-CONG-TRINH-TIEN", name: "Kinh phí xây mới, sửa chữa công trình cho trẻ em",
                        nameEnglish: "Spent on works for children", unit: "đồng", type: .money),
                ]),
            Section(
                title: "6. Vụ việc xâm hại, bạo lực, tai nạn thương tích trẻ em trong tháng",
                indicators: [
                    Indicator(
                        code: "AM-XAM-HAI", name: "Số trẻ em bị xâm hại", nameEnglish: "Children abused",
                        unit: "trẻ em", type: .integer,
                        breakdowns: [.sex, .ageGroup], nationalName: "Số trẻ em bị xâm hại"),
                    Indicator(
                        code: "AM-XAM-HAI-TINH-DUC", name: "Trong đó: bị xâm hại tình dục",
                        nameEnglish: "of whom sexually abused",
                        unit: "trẻ em", type: .integer, partOf: "AM-XAM-HAI", partRule: .subset),
                    Indicator(
                        code: "AM-DUOI-NUOC", name: "Số vụ đuối nước trẻ em", nameEnglish: "Drowning incidents",
                        unit: "vụ", type: .integer),
                    // One incident can take three pupils: children are counted apart from incidents.
                    Indicator(
                        code: "AM-DUOI-NUOC-TRE", name: "Số trẻ em bị đuối nước",
                        nameEnglish: "Children who drowned or nearly drowned",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex]),
                    Indicator(
                        code: "AM-DUOI-NUOC-TU-VONG", name: "Trong đó: số trẻ em tử vong do đuối nước",
                        nameEnglish: "of whom died",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex], partOf: "AM-DUOI-NUOC-TRE",
                        partRule: .subset),
                    Indicator(
                        code: "AM-TNTT", name: "Số trẻ em bị tai nạn thương tích khác",
                        nameEnglish: "Children injured (other injuries)",
                        unit: "trẻ em", type: .integer, breakdowns: [.sex]),
                ]),
        ])

    /// Kết quả công tác trẻ em năm: the targets of seed 001 (Thị trấn Ba Tơ, 2024), "phấn đấu 100% … 90% …".
    public static let annualChildWork = ReportForm(
        code: "CONG-TAC-TRE-EM-2",
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
                        partRule: .subset,
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
                        partOf: "CT-SO-SINH", partRule: .subset),
                    Indicator(
                        code: "CT-BHYT-TY-LE", name: "Tỷ lệ trẻ em sinh ra trong năm được cấp thẻ bảo hiểm y tế",
                        nameEnglish: "Share of newborns given a health-insurance card", unit: "%", type: .percent,
                        target: 100, ratio: IndicatorRatio(numerator: "CT-SO-SINH-BHYT", denominator: "CT-SO-SINH")),
                    // The year form counted only newborns; results report every child under 6
                    // (Luật Bảo hiểm y tế: the state pays their card).
                    Indicator(
                        code: "CT-DUOI-6", name: "Số trẻ em dưới 6 tuổi", nameEnglish: "Children under 6",
                        unit: "trẻ em", type: .integer),
                    Indicator(
                        code: "CT-DUOI-6-BHYT", name: "Trong đó: trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế",
                        nameEnglish: "of whom with a health-insurance card", unit: "trẻ em", type: .integer,
                        partOf: "CT-DUOI-6", partRule: .subset),
                    Indicator(
                        code: "CT-DUOI-6-BHYT-TY-LE", name: "Tỷ lệ trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế",
                        nameEnglish: "Share of children under 6 with a health-insurance card", unit: "%",
                        type: .percent, target: 100,
                        ratio: IndicatorRatio(numerator: "CT-DUOI-6-BHYT", denominator: "CT-DUOI-6")),
                    Indicator(
                        code: "CT-KHAM-SANG-LOC", name: "Số trẻ em được khám sàng lọc, khám sức khỏe",
                        nameEnglish: "Children screened or given a health check", unit: "trẻ em", type: .integer),
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
                        partOf: "CT-KHUYET-TAT", partRule: .subset),
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
                    Indicator(
                        code: "CT-CONG-TRINH", name: "Số công trình, sân chơi cho trẻ em được xây mới, sửa chữa",
                        nameEnglish: "Works and play areas for children built or repaired", unit: "công trình",
                        type: .integer),
                    Indicator(
                        code: "CT-HOC-BONG-SUAT", name: "Số suất học bổng, hỗ trợ học tập cho trẻ em",
                        nameEnglish: "Scholarships and study support packages", unit: "suất", type: .integer),
                ]),
        ])
}
