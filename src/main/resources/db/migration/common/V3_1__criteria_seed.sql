-- The criteria set in force: QĐ 324/QĐ-KHVN, 3 competencies, 10 indicators scored 0–10, total 100, published for
-- 2022–2030. Pass: total >= 80 and no indicator below 5. Indicator 5 is the digital-skills indicator (has digital
-- skills >= 5, proficient >= 8 or self-assessed online). Each seeded row takes its own sequence value, which stays
-- clear of the blocks Hibernate allocates later.

INSERT INTO criteria_target_group (code, name, sort_order, updated_at)
VALUES ('FARMER', 'Nông dân, lao động nông thôn', 10, CURRENT_TIMESTAMP);
INSERT INTO criteria_target_group (code, name, sort_order, updated_at)
VALUES ('WORKER', 'Công nhân, lao động trong lĩnh vực công nghiệp, tiểu thủ công nghiệp', 20, CURRENT_TIMESTAMP);
INSERT INTO criteria_target_group (code, name, sort_order, updated_at)
VALUES ('OFFICIAL', 'Cán bộ, công chức, viên chức, người lao động', 30, CURRENT_TIMESTAMP);
-- The national site's fourth form is not published: an admin renames this group once it is known.
INSERT INTO criteria_target_group (code, name, sort_order, updated_at)
VALUES ('OTHER', 'Đối tượng khác', 40, CURRENT_TIMESTAMP);

INSERT INTO criteria_set (id, code, version_no, name, legal_basis, status, year_from, year_to, total_points,
        min_total, min_per_indicator, digital_indicator_code, digital_threshold, proficient_threshold,
        proficient_when_online_self, published_at, published_by, created_at, updated_at)
VALUES (nextval('criteria_set_seq'), 'QD324-KHVN', 1,
        'Bộ tiêu chí đánh giá, công nhận "Công dân học tập" giai đoạn 2021–2030',
        'Quyết định số 324/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam; Quyết định số 677/QĐ-TTg ngày 03/6/2022 của Thủ tướng Chính phủ',
        'PUBLISHED', 2022, 2030, 100, 80, 5, '5', 5, 8, TRUE, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP,
        CURRENT_TIMESTAMP);

INSERT INTO criteria_set_group (criteria_set_id, target_group_code)
SELECT s.id, g.code FROM criteria_set s, criteria_target_group g WHERE s.code = 'QD324-KHVN' AND s.version_no = 1;

INSERT INTO criteria_competency (id, criteria_set_id, code, name, sort_order, min_points)
SELECT nextval('criteria_competency_seq'), s.id, '1', 'Tự học và học tập suốt đời', 1, NULL
FROM criteria_set s WHERE s.code = 'QD324-KHVN' AND s.version_no = 1;
INSERT INTO criteria_competency (id, criteria_set_id, code, name, sort_order, min_points)
SELECT nextval('criteria_competency_seq'), s.id, '2', 'Sử dụng các công cụ tương tác', 2, NULL
FROM criteria_set s WHERE s.code = 'QD324-KHVN' AND s.version_no = 1;
INSERT INTO criteria_competency (id, criteria_set_id, code, name, sort_order, min_points)
SELECT nextval('criteria_competency_seq'), s.id, '3', 'Xây dựng và thực hiện các mối quan hệ xã hội', 3, NULL
FROM criteria_set s WHERE s.code = 'QD324-KHVN' AND s.version_no = 1;

INSERT INTO criteria_indicator (id, criteria_set_id, competency_id, code, sort_order, name, min_points, max_points,
        mandatory_min)
SELECT nextval('criteria_indicator_seq'), c.criteria_set_id, c.id, v.code, v.sort_order, v.name, 0, 10, NULL
FROM (VALUES
        ('1', '1', 1, 'Thường xuyên đọc sách, báo, tài liệu; cập nhật kiến thức qua sách, báo, truyền hình, máy tính, điện thoại thông minh'),
        ('1', '2', 2, 'Có kế hoạch học tập của cá nhân: học đáp ứng yêu cầu công việc; tham gia các chương trình học tập của Nhà nước, của hội, đoàn thể; học tại trung tâm học tập cộng đồng'),
        ('1', '3', 3, 'Tham gia các hoạt động học tập tại cộng đồng: nhà văn hoá, câu lạc bộ, thư viện, trung tâm học tập cộng đồng'),
        ('1', '4', 4, 'Động viên, khuyến khích các thành viên trong gia đình, đồng nghiệp cùng học tập'),
        ('2', '5', 5, 'Sử dụng được công nghệ thông tin và các thiết bị thông minh theo yêu cầu công việc'),
        ('2', '6', 6, 'Sử dụng được ngoại ngữ theo yêu cầu công việc'),
        ('2', '7', 7, 'Vận dụng kiến thức, kỹ năng tính toán vào công việc, nâng cao năng suất lao động'),
        ('2', '8', 8, 'Có tư duy phản biện trong công việc và trong đời sống xã hội'),
        ('3', '9', 9, 'Xây dựng mối quan hệ thân thiện trong cộng đồng; biết hoà giải, giải quyết mâu thuẫn'),
        ('3', '10', 10, 'Hợp tác, chia sẻ với đồng nghiệp và cộng đồng')
    ) AS v (competency_code, code, sort_order, name)
JOIN criteria_competency c ON c.code = v.competency_code
JOIN criteria_set s ON s.id = c.criteria_set_id AND s.code = 'QD324-KHVN' AND s.version_no = 1;

-- One form per target group: the same ten indicators, worded for the group, with the evidence expected.
INSERT INTO criteria_indicator_wording (indicator_id, target_group_code, wording, evidence_hint)
SELECT i.id, v.target_group_code, v.wording, v.evidence_hint
FROM (VALUES
        ('1', 'FARMER', 'Thường xuyên đọc sách, báo, xem truyền hình, nghe đài, tra cứu trên điện thoại để cập nhật kiến thức về trồng trọt, chăn nuôi, thị trường nông sản và đời sống.',
              'Tên sách, báo, chương trình truyền hình, trang mạng thường theo dõi; phiếu mượn sách của thư viện xã hoặc tủ sách thôn; xác nhận của chi hội khuyến học thôn.'),
        ('2', 'FARMER', 'Có kế hoạch học tập của bản thân: học kỹ thuật canh tác, chăn nuôi, nuôi trồng thuỷ sản; tham gia lớp khuyến nông, lớp đào tạo nghề nông thôn, lớp tại trung tâm học tập cộng đồng.',
              'Bản kế hoạch học tập cá nhân trong năm; giấy chứng nhận, danh sách học viên lớp khuyến nông, lớp nghề, lớp tại trung tâm học tập cộng đồng.'),
        ('3', 'FARMER', 'Tham gia sinh hoạt, học tập tại nhà văn hoá thôn, câu lạc bộ nông dân, tổ hợp tác, hợp tác xã, thư viện, trung tâm học tập cộng đồng.',
              'Danh sách thành viên câu lạc bộ, tổ hợp tác; sổ theo dõi sinh hoạt tại nhà văn hoá, trung tâm học tập cộng đồng; xác nhận của trưởng thôn hoặc chi hội khuyến học.'),
        ('4', 'FARMER', 'Động viên con cháu, người thân trong gia đình và bà con lối xóm đi học, học nghề, học hỏi cách làm ăn mới.',
              'Kết quả học tập của con cháu, thành viên gia đình; gia đình đạt danh hiệu Gia đình học tập; ý kiến của chi hội khuyến học thôn.'),
        ('5', 'FARMER', 'Sử dụng được điện thoại thông minh, máy tính để tìm thông tin sản xuất, giá cả, thời tiết; liên lạc, thanh toán, dùng dịch vụ công trực tuyến khi cần.',
              'Thao tác trực tiếp trên điện thoại (tra cứu, nhắn tin, thanh toán, nộp hồ sơ trực tuyến) trước người thẩm định; tài khoản định danh điện tử đã kích hoạt.'),
        ('6', 'FARMER', 'Biết một số từ, câu ngoại ngữ thông dụng cần cho công việc; đọc được nhãn, hướng dẫn sử dụng vật tư nông nghiệp; giao tiếp đơn giản với khách.',
              'Tự đọc hiểu nhãn phân bón, thuốc bảo vệ thực vật, bao bì sản phẩm có ngoại ngữ trước người thẩm định; chứng chỉ ngoại ngữ nếu có.'),
        ('7', 'FARMER', 'Biết tính toán chi phí, thu nhập, lỗ lãi, định mức giống, phân bón, thức ăn chăn nuôi để sản xuất hiệu quả hơn.',
              'Sổ ghi chép thu chi, hạch toán sản xuất của gia đình; năng suất, thu nhập so với năm trước.'),
        ('8', 'FARMER', 'Biết cân nhắc, so sánh thông tin, không tin theo tin đồn; mạnh dạn góp ý, đề xuất cách làm hay trong sản xuất và sinh hoạt của thôn.',
              'Ý kiến đóng góp tại họp thôn, hội nông dân, hợp tác xã; sáng kiến, mô hình sản xuất được áp dụng.'),
        ('9', 'FARMER', 'Sống hoà thuận với gia đình, hàng xóm; tham gia hoà giải các mâu thuẫn trong thôn, xóm.',
              'Xác nhận của trưởng thôn, tổ hoà giải cơ sở; gia đình đạt danh hiệu Gia đình văn hoá.'),
        ('10', 'FARMER', 'Hợp tác, giúp đỡ bà con trong sản xuất, chia sẻ kinh nghiệm làm ăn, tham gia các hoạt động chung của thôn.',
              'Tham gia tổ hợp tác, hợp tác xã, tổ vần công; các buổi chia sẻ kinh nghiệm, hoạt động tình nguyện tại thôn.'),

        ('1', 'WORKER', 'Thường xuyên đọc sách, báo, tài liệu kỹ thuật; cập nhật kiến thức về nghề, an toàn lao động, pháp luật lao động qua sách, báo, truyền hình, điện thoại thông minh.',
              'Tên sách, báo, tài liệu, trang mạng thường theo dõi; phiếu mượn sách của thư viện, tủ sách công đoàn; xác nhận của tổ trưởng sản xuất hoặc ban khuyến học cơ sở.'),
        ('2', 'WORKER', 'Có kế hoạch học tập để nâng cao tay nghề, bậc thợ; tham gia lớp đào tạo, bồi dưỡng của doanh nghiệp, công đoàn, cơ sở giáo dục nghề nghiệp.',
              'Bản kế hoạch học tập cá nhân trong năm; chứng chỉ, giấy chứng nhận hoàn thành khoá học; quyết định nâng bậc thợ.'),
        ('3', 'WORKER', 'Tham gia hoạt động học tập tại nơi làm việc và nơi cư trú: câu lạc bộ công nhân, thư viện, nhà văn hoá, trung tâm học tập cộng đồng, phong trào thi đua học tập của công đoàn.',
              'Danh sách thành viên câu lạc bộ; xác nhận của công đoàn cơ sở hoặc ban khuyến học; giấy khen trong phong trào thi đua.'),
        ('4', 'WORKER', 'Động viên người thân trong gia đình, đồng nghiệp trong tổ, ca sản xuất cùng học tập nâng cao trình độ, tay nghề.',
              'Kết quả học tập của thành viên gia đình; đồng nghiệp được kèm cặp nâng bậc; ý kiến của tổ trưởng hoặc công đoàn.'),
        ('5', 'WORKER', 'Sử dụng được máy tính, điện thoại thông minh, máy móc, thiết bị điều khiển số theo yêu cầu vị trí việc làm; dùng được các ứng dụng giao tiếp, thanh toán, dịch vụ công trực tuyến.',
              'Thao tác trực tiếp trước người thẩm định; chứng chỉ tin học hoặc xác nhận của người phụ trách về việc vận hành thiết bị số; tài khoản định danh điện tử đã kích hoạt.'),
        ('6', 'WORKER', 'Sử dụng được ngoại ngữ ở mức cần thiết cho công việc: đọc hiểu hướng dẫn vận hành, ký hiệu kỹ thuật; giao tiếp với chuyên gia, khách hàng.',
              'Chứng chỉ ngoại ngữ nếu có; tự đọc hiểu tài liệu, bảng hướng dẫn bằng ngoại ngữ tại nơi làm việc.'),
        ('7', 'WORKER', 'Vận dụng kiến thức tính toán vào công việc: định mức, đo lường, kiểm tra chất lượng, tiết kiệm nguyên vật liệu, nâng cao năng suất.',
              'Kết quả đánh giá năng suất, chất lượng công việc; sáng kiến tiết kiệm, cải tiến được ghi nhận.'),
        ('8', 'WORKER', 'Biết nhận xét, đánh giá, góp ý cải tiến quy trình sản xuất; phân biệt thông tin đúng, sai trong đời sống xã hội.',
              'Đề xuất, sáng kiến cải tiến kỹ thuật; ý kiến đóng góp tại hội nghị người lao động, sinh hoạt công đoàn.'),
        ('9', 'WORKER', 'Xây dựng quan hệ thân thiện với đồng nghiệp, hàng xóm; biết hoà giải mâu thuẫn nơi làm việc và nơi cư trú.',
              'Nhận xét của tổ trưởng, công đoàn cơ sở; xác nhận của tổ dân phố hoặc thôn nơi cư trú.'),
        ('10', 'WORKER', 'Hợp tác, chia sẻ kinh nghiệm, kỹ năng nghề với đồng nghiệp; tham gia các hoạt động chung của tổ, doanh nghiệp và cộng đồng.',
              'Tham gia kèm cặp thợ mới, nhóm cải tiến; hoạt động tình nguyện, từ thiện của công đoàn, cộng đồng.'),

        ('1', 'OFFICIAL', 'Thường xuyên đọc sách, báo, tài liệu chuyên môn; cập nhật chủ trương, chính sách, pháp luật và kiến thức chuyên môn qua sách, báo, mạng internet.',
              'Danh mục sách, báo, tài liệu đã đọc trong năm; tham gia tủ sách, thư viện cơ quan; nhận xét của thủ trưởng đơn vị.'),
        ('2', 'OFFICIAL', 'Có kế hoạch học tập, bồi dưỡng hằng năm đáp ứng yêu cầu vị trí việc làm; tham gia các lớp bồi dưỡng chuyên môn, lý luận chính trị, quản lý nhà nước.',
              'Bản kế hoạch học tập cá nhân; văn bằng, chứng chỉ, giấy chứng nhận bồi dưỡng trong năm; quyết định cử đi học.'),
        ('3', 'OFFICIAL', 'Tham gia các hoạt động học tập của cơ quan, đơn vị và cộng đồng: sinh hoạt chuyên đề, câu lạc bộ, thư viện, trung tâm học tập cộng đồng nơi cư trú.',
              'Danh sách tham dự sinh hoạt chuyên đề, hội thảo; xác nhận của ban khuyến học cơ quan hoặc nơi cư trú.'),
        ('4', 'OFFICIAL', 'Động viên, hướng dẫn, giúp đỡ các thành viên trong gia đình và đồng nghiệp học tập, nâng cao trình độ.',
              'Kết quả học tập của thành viên gia đình; đồng nghiệp được hướng dẫn, kèm cặp; nhận xét của tập thể đơn vị.'),
        ('5', 'OFFICIAL', 'Sử dụng thành thạo máy tính, phần mềm văn phòng, hệ thống quản lý văn bản, dịch vụ công trực tuyến và thiết bị thông minh theo yêu cầu vị trí việc làm.',
              'Chứng chỉ ứng dụng công nghệ thông tin; văn bản, hồ sơ xử lý trên môi trường điện tử; tự thực hiện đánh giá trực tuyến.'),
        ('6', 'OFFICIAL', 'Sử dụng được ngoại ngữ (hoặc tiếng dân tộc thiểu số) theo yêu cầu vị trí việc làm.',
              'Chứng chỉ ngoại ngữ, tiếng dân tộc thiểu số; tài liệu đã dịch, đọc hiểu; tham gia giao tiếp đối ngoại.'),
        ('7', 'OFFICIAL', 'Vận dụng kiến thức tính toán, phân tích số liệu vào công việc chuyên môn, nâng cao hiệu quả công tác.',
              'Báo cáo, bảng số liệu, kế hoạch do cá nhân xây dựng; kết quả đánh giá, xếp loại mức độ hoàn thành nhiệm vụ.'),
        ('8', 'OFFICIAL', 'Có tư duy phản biện: biết phân tích, đánh giá vấn đề, tham mưu, góp ý xây dựng trong công việc và đời sống xã hội.',
              'Ý kiến tham mưu, góp ý dự thảo văn bản; sáng kiến, đề tài được công nhận; nhận xét của thủ trưởng đơn vị.'),
        ('9', 'OFFICIAL', 'Xây dựng quan hệ thân thiện, đoàn kết trong cơ quan và nơi cư trú; biết hoà giải, giải quyết mâu thuẫn.',
              'Kết quả đánh giá, xếp loại cuối năm; nhận xét của tổ chức đoàn thể; xác nhận của nơi cư trú.'),
        ('10', 'OFFICIAL', 'Hợp tác, chia sẻ thông tin, kinh nghiệm với đồng nghiệp; tham gia các hoạt động chung của cơ quan và cộng đồng.',
              'Tham gia nhóm công tác, hoạt động đoàn thể, tình nguyện; nhận xét của tập thể đơn vị.'),

        ('1', 'OTHER', 'Thường xuyên đọc sách, báo; cập nhật kiến thức qua sách, báo, truyền hình, máy tính, điện thoại thông minh.',
              'Tên sách, báo, chương trình, trang mạng thường theo dõi; phiếu mượn sách thư viện; xác nhận của chi hội khuyến học nơi cư trú.'),
        ('2', 'OTHER', 'Có kế hoạch học tập của bản thân phù hợp với công việc, hoàn cảnh; tham gia các chương trình học tập của Nhà nước, của hội, đoàn thể, trung tâm học tập cộng đồng.',
              'Bản kế hoạch học tập cá nhân trong năm; giấy chứng nhận, danh sách học viên các lớp đã học.'),
        ('3', 'OTHER', 'Tham gia các hoạt động học tập tại cộng đồng: nhà văn hoá, câu lạc bộ, thư viện, trung tâm học tập cộng đồng.',
              'Danh sách thành viên câu lạc bộ; sổ theo dõi sinh hoạt tại nhà văn hoá, trung tâm học tập cộng đồng.'),
        ('4', 'OTHER', 'Động viên, khuyến khích các thành viên trong gia đình, người xung quanh cùng học tập.',
              'Kết quả học tập của thành viên gia đình; gia đình đạt danh hiệu Gia đình học tập; ý kiến của chi hội khuyến học.'),
        ('5', 'OTHER', 'Sử dụng được công nghệ thông tin, điện thoại thông minh để tìm kiếm thông tin, liên lạc, thanh toán, dùng dịch vụ công trực tuyến theo nhu cầu công việc, cuộc sống.',
              'Thao tác trực tiếp trên thiết bị trước người thẩm định; tài khoản định danh điện tử đã kích hoạt; tự thực hiện đánh giá trực tuyến.'),
        ('6', 'OTHER', 'Sử dụng được ngoại ngữ ở mức cần thiết cho công việc và cuộc sống.',
              'Chứng chỉ ngoại ngữ nếu có; tự giao tiếp hoặc đọc hiểu đơn giản trước người thẩm định.'),
        ('7', 'OTHER', 'Vận dụng kiến thức tính toán vào công việc, chi tiêu gia đình, sản xuất kinh doanh để nâng cao hiệu quả.',
              'Sổ ghi chép thu chi, kế hoạch chi tiêu, kinh doanh của gia đình.'),
        ('8', 'OTHER', 'Có tư duy phản biện, biết chọn lọc thông tin, góp ý xây dựng trong công việc và đời sống xã hội.',
              'Ý kiến đóng góp tại các cuộc họp của thôn, tổ dân phố, đoàn thể; xác nhận của chi hội khuyến học.'),
        ('9', 'OTHER', 'Xây dựng mối quan hệ thân thiện trong cộng đồng; biết hoà giải, giải quyết mâu thuẫn.',
              'Xác nhận của trưởng thôn, tổ trưởng tổ dân phố hoặc tổ hoà giải cơ sở.'),
        ('10', 'OTHER', 'Hợp tác, chia sẻ với mọi người trong công việc và các hoạt động cộng đồng.',
              'Tham gia hoạt động tình nguyện, từ thiện, phong trào chung của thôn, tổ dân phố.')
    ) AS v (indicator_code, target_group_code, wording, evidence_hint)
JOIN criteria_indicator i ON i.code = v.indicator_code
JOIN criteria_set s ON s.id = i.criteria_set_id AND s.code = 'QD324-KHVN' AND s.version_no = 1;
