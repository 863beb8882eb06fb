-- Decree 30/2020/NĐ-CP layout of decisions and certificates (issue 13):
-- the body directly above the issuer, printed on the line above its name ("HỘI KHUYẾN HỌC TỈNH QUẢNG TRỊ" above
-- "HỘI KHUYẾN HỌC XÃ VĨNH LINH"); a draft starts from the unit tree, the commune may change it; empty: no line.
ALTER TABLE recognition_decision ADD COLUMN superior_name VARCHAR(200);
-- the citizen's gender as picked, so that a certificate says "Ông" or "Bà"; null for items picked before it was
-- copied (they print "Ông/Bà")
ALTER TABLE recognition_item ADD COLUMN gender VARCHAR(10);
ALTER TABLE recognition_item ADD CONSTRAINT recognition_item_gender_ck
    CHECK (gender IS NULL OR gender IN ('MALE', 'FEMALE', 'OTHER'));
