-- Timpora schema 0017_d (issue 29, offices): a Kanwil keeps its own time zone, edited at /Admin/Offices/Kanwil.
-- Existing rows take the zone of their province (WITA: Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara,
-- Sulawesi; WIT: Maluku and Papua; WIB: the rest).

ALTER TABLE kanwils ADD time_zone_id character varying(50) NOT NULL DEFAULT 'Asia/Jakarta';
UPDATE kanwils SET time_zone_id = 'Asia/Makassar' WHERE province_code IN ('51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76');
UPDATE kanwils SET time_zone_id = 'Asia/Jayapura' WHERE province_code IN ('81', '82') OR province_code LIKE '9%';
ALTER TABLE kanwils ALTER COLUMN time_zone_id DROP DEFAULT;
