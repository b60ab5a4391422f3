-- A campaign lands on an H5 page (landing_url), a WeChat mini-program page (mini_program_page, a relative page path
-- such as pages/invite/index), or both; at least one is set (checked by the application).
ALTER TABLE campaign ADD COLUMN mini_program_page VARCHAR(128);
ALTER TABLE campaign MODIFY landing_url VARCHAR(500) NULL;
