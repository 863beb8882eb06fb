-- Consent and notice on the citizen portal (issue 17). The privacy notice is versioned: an administrator's save
-- publishes a new row, earlier versions stay as they were (what each citizen read). Consent is a log: one row per
-- consent given or withdrawn, naming the notice version the citizen read, when and through which channel; the
-- latest row of a citizen is their state. The rows are the record of lawful processing: erasure keeps them (they
-- name no one but by the citizen's id, whose row becomes the tombstone).
CREATE TABLE portal_notice (
    version_no    INT           PRIMARY KEY,
    body          VARCHAR(5000) NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(50)   NOT NULL,
    CONSTRAINT portal_notice_version_ck CHECK (version_no > 0)
);

CREATE SEQUENCE portal_consent_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE portal_consent (
    id              BIGINT       PRIMARY KEY,
    citizen_id      BIGINT       NOT NULL REFERENCES citizen (id),
    notice_version  INT          NOT NULL REFERENCES portal_notice (version_no),
    kind            VARCHAR(10)  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portal_consent_kind_ck CHECK (kind IN ('GIVEN', 'WITHDRAWN')),
    CONSTRAINT portal_consent_channel_ck CHECK (channel IN ('PORTAL'))
);
CREATE INDEX portal_consent_citizen_idx ON portal_consent (citizen_id, id);

-- The first version, a sensible default an administrator is expected to adapt (/portal/notice).
INSERT INTO portal_notice (version_no, body, published_at, published_by) VALUES (1,
'THÔNG BÁO VỀ XỬ LÝ DỮ LIỆU CÁ NHÂN
Cổng tự đánh giá "Công dân học tập"

1. Ai xử lý dữ liệu của bạn
Hội Khuyến học xã, phường nơi bạn cư trú (cán bộ nhập liệu và xác minh ở thôn, tổ dân phố), Hội Khuyến học cấp tỉnh (tổng hợp, giám sát) và đơn vị vận hành hệ thống theo sự chỉ đạo của Hội.

2. Dữ liệu được xử lý
- Họ tên, năm sinh, giới tính, nơi cư trú, nhóm đối tượng;
- Điểm tự đánh giá, ghi chú của bạn theo từng chỉ số và kết quả xác minh;
- Ảnh, tài liệu minh chứng bạn gửi (thông tin vị trí GPS trong ảnh được xoá khi tải lên);
- Thông tin truy cập cổng: mã tham chiếu, thời điểm đăng nhập; mã PIN và đường liên kết chỉ được lưu dưới dạng mã băm.

3. Mục đích
Đánh giá, công nhận danh hiệu "Công dân học tập" theo Quyết định 677/QĐ-TTg và hướng dẫn của Hội Khuyến học Việt Nam; tổng hợp số liệu thống kê không nêu tên. Dữ liệu không được dùng cho mục đích khác và không được cung cấp cho bên thứ ba, trừ khi pháp luật yêu cầu.

4. Thời gian lưu trữ
- Phiếu đánh giá và quyết định công nhận: trong thời gian cần cho việc công nhận và lưu trữ hồ sơ theo quy định;
- Phiếu nháp chưa gửi: xoá sau 2 năm;
- Lời mời không sử dụng: xoá 90 ngày sau khi hết hạn.

5. Quyền của bạn (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân năm 2025)
Bạn có quyền được biết, đồng ý hoặc rút lại sự đồng ý, xem và nhận bản sao dữ liệu, yêu cầu chỉnh sửa hoặc xoá dữ liệu; hãy liên hệ cán bộ Hội Khuyến học xã. Bạn có thể rút lại sự đồng ý bất cứ lúc nào ngay trên cổng này: khi đó phiếu tự đánh giá của bạn không được tiếp nhận, sửa đổi hay xác minh nữa. Việc rút lại không ảnh hưởng đến việc xử lý đã thực hiện trước đó.

6. Sự đồng ý
Bấm "Tôi đã đọc và đồng ý" nghĩa là bạn đã đọc thông báo này và đồng ý để dữ liệu nêu trên được xử lý cho mục đích nêu trên.',
CURRENT_TIMESTAMP, 'system');
