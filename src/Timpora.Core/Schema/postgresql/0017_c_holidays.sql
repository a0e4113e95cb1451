-- Timpora schema 0017_c (issue 29, holidays): each holiday names its source. The national holidays and joint leave
-- (cuti bersama) of 2026 come from the joint decree of the Ministers of Religious Affairs, Manpower and PANRB
-- (SKB 3 Menteri) Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025, announced on 19 September 2025.
-- The 2027 decree was not published when this was written (8 December 2026): the fixed and Easter dates are
-- certain, the lunar, Saka and Buddhist dates are estimates marked "Perkiraan" in their source, and 2027 has no joint
-- leave yet. An administrator replaces them on /Admin/Holidays when the decree appears. A holiday without a source is
-- a local addition.

ALTER TABLE public_holidays ADD COLUMN source character varying(300);

INSERT INTO public_holidays (date, name, source) VALUES
    (DATE '2026-01-01', 'Tahun Baru 2026 Masehi', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-18', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-20', 'Cuti bersama Idulfitri 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-21', 'Idulfitri 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-22', 'Idulfitri 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-23', 'Cuti bersama Idulfitri 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-03-24', 'Cuti bersama Idulfitri 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-04-03', 'Wafat Yesus Kristus', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-05-01', 'Hari Buruh Internasional', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-05-14', 'Kenaikan Yesus Kristus', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-05-27', 'Iduladha 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-05-28', 'Cuti bersama Iduladha 1447 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-05-31', 'Hari Raya Waisak 2570 BE', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-06-01', 'Hari Lahir Pancasila', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-06-16', 'Tahun Baru Islam 1448 Hijriah', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-08-17', 'Hari Kemerdekaan Republik Indonesia', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-08-25', 'Maulid Nabi Muhammad SAW', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2026-12-25', 'Kelahiran Yesus Kristus (Natal)', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (19 September 2025)'),
    (DATE '2027-01-01', 'Tahun Baru 2027 Masehi', 'Tanggal tetap (Keppres tentang hari libur nasional); SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-01-05', 'Isra Mikraj Nabi Muhammad SAW (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-02-06', 'Tahun Baru Imlek 2578 Kongzili (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-03-10', 'Idulfitri 1448 Hijriah (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-03-11', 'Idulfitri 1448 Hijriah (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-03-26', 'Wafat Yesus Kristus', 'Dihitung dari tanggal Paskah; SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'Dihitung dari tanggal Paskah; SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-05-01', 'Hari Buruh Internasional', 'Tanggal tetap (Keppres tentang hari libur nasional); SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-05-06', 'Kenaikan Yesus Kristus', 'Dihitung dari tanggal Paskah; SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-05-17', 'Iduladha 1448 Hijriah (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-05-20', 'Hari Raya Waisak 2571 BE (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-06-01', 'Hari Lahir Pancasila', 'Tanggal tetap (Keppres tentang hari libur nasional); SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-06-06', 'Tahun Baru Islam 1449 Hijriah (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-08-15', 'Maulid Nabi Muhammad SAW (perkiraan)', 'Perkiraan: SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026; tanggal dihitung dari kalender Hijriah (kriteria MABIMS), Saka, Buddhis, Imlek dan Paskah. Ganti dengan tanggal SKB saat terbit.'),
    (DATE '2027-08-17', 'Hari Kemerdekaan Republik Indonesia', 'Tanggal tetap (Keppres tentang hari libur nasional); SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026'),
    (DATE '2027-12-25', 'Kelahiran Yesus Kristus (Natal)', 'Tanggal tetap (Keppres tentang hari libur nasional); SKB 3 Menteri untuk 2027 belum terbit per 8 Desember 2026')
ON CONFLICT (date) DO UPDATE SET name = excluded.name, source = excluded.source;
