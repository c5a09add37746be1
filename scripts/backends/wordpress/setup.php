<?php
// Install and configure one Pishkhan test instance of WordPress; run by up.sh as
//   STATE_DIR=... WP_BOOTSTRAP=$STATE_DIR/wp.php WP_BASE_URL=... WP_NAME=... php setup.php
//
// Idempotent: installs only when the database is empty, then (re)applies the options, makes the
// users exist with their roles and passwords, and keeps each user's application password while
// the one in credentials.json still matches; otherwise it replaces it with a new one.
//
// Users: admin (administrator), agent (editor), customer (subscriber), Persian display names.
// Writes $STATE_DIR/credentials.json (mode 600).
//
// To activate a plugin copied into the instance's plugins dir (nothing here installs one):
//   php -r 'require "STATE_DIR/wp.php"; require_once ABSPATH . "wp-admin/includes/plugin.php";
//           wp_set_current_user(1); $r = activate_plugin("DIR/MAIN.php");
//           echo is_wp_error($r) ? $r->get_error_message() : "active", "\n";'

define('WP_INSTALLING', true);   // lets wp-load.php run on an empty database
$state_dir = getenv('STATE_DIR');
$base_url = getenv('WP_BASE_URL');
require getenv('WP_BOOTSTRAP');
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

const APP_PASSWORD_NAME = 'pishkhan-tests';

$users = [
    'admin' => [
        'role' => 'administrator', 'email' => 'admin@pishkhan.test',
        'first_name' => 'مدیر', 'last_name' => 'سامانه', 'password' => getenv('WP_ADMIN_PASSWORD'),
    ],
    'agent' => [
        'role' => 'editor', 'email' => 'agent@pishkhan.test',
        'first_name' => 'سارا', 'last_name' => 'احمدی', 'password' => getenv('WP_AGENT_PASSWORD'),
    ],
    'customer' => [
        'role' => 'subscriber', 'email' => 'customer@pishkhan.test',
        'first_name' => 'علی', 'last_name' => 'رضایی', 'password' => getenv('WP_CUSTOMER_PASSWORD'),
    ],
];

if (!is_blog_installed()) {
    $admin = $users['admin'];
    $result = wp_install('پیشخوان آزمایشی', 'admin', $admin['email'], false, '', wp_slash($admin['password']),
        getenv('WP_LOCALE') === 'en_US' ? '' : getenv('WP_LOCALE'));
    fwrite(STDERR, "installed (admin user {$result['user_id']})\n");
}

update_option('blogname', 'پیشخوان آزمایشی');
update_option('blogdescription', 'نمونهٔ آزمایشی برای آزمون‌های پیشخوان');
update_option('timezone_string', 'Asia/Tehran');
update_option('gmt_offset', '');
update_option('blog_public', '0');
update_option('WPLANG', getenv('WP_LOCALE') === 'en_US' ? '' : getenv('WP_LOCALE'));
update_option('admin_email', $users['admin']['email']);
if (get_option('permalink_structure') !== '/%postname%/') {
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure('/%postname%/');
    flush_rewrite_rules(false);   // the rules live in the database; php -S has no .htaccess
}

$old = [];
$credentials_path = "$state_dir/credentials.json";
if (is_readable($credentials_path)) {
    $old = json_decode(file_get_contents($credentials_path), true)['users'] ?? [];
}

$out = [];
foreach ($users as $login => $u) {
    $user = get_user_by('login', $login);
    $fields = [
        'user_login' => $login, 'user_email' => $u['email'], 'role' => $u['role'],
        'first_name' => $u['first_name'], 'last_name' => $u['last_name'],
        'display_name' => $u['first_name'] . ' ' . $u['last_name'], 'nickname' => $login,
    ];
    if ($user) {
        $fields['ID'] = $user->ID;
        $id = wp_update_user($fields);
    } else {
        $fields['user_pass'] = $u['password'];
        $id = wp_insert_user($fields);
    }
    if (is_wp_error($id)) {
        fwrite(STDERR, "user $login: " . $id->get_error_message() . "\n");
        exit(1);
    }
    $user = get_user_by('id', $id);
    if (!wp_check_password($u['password'], $user->user_pass, $id)) {
        wp_set_password($u['password'], $id);
    }

    $app_password = $old[$login]['app_password'] ?? null;
    $kept = false;
    foreach (WP_Application_Passwords::get_user_application_passwords($id) as $item) {
        if ($item['name'] !== APP_PASSWORD_NAME) {
            continue;
        }
        // WordPress compares the password without the spaces chunk_password() adds
        if (!$kept && $app_password !== null
            && wp_check_password(preg_replace('/[^a-z\d]/i', '', $app_password), $item['password'], $id)) {
            $kept = true;
        } else {
            WP_Application_Passwords::delete_application_password($id, $item['uuid']);
        }
    }
    if (!$kept) {
        $created = WP_Application_Passwords::create_new_application_password($id, ['name' => APP_PASSWORD_NAME]);
        if (is_wp_error($created)) {
            fwrite(STDERR, "application password for $login: " . $created->get_error_message() . "\n");
            exit(1);
        }
        $app_password = WP_Application_Passwords::chunk_password($created[0]);
        fwrite(STDERR, "new application password for $login\n");
    }
    $out[$login] = [
        'id' => $id, 'login' => $login, 'role' => $u['role'], 'email' => $u['email'],
        'display_name' => $fields['display_name'], 'password' => $u['password'],
        'app_password' => $app_password,
    ];
}

$credentials = [
    'name' => getenv('WP_NAME'),
    'base_url' => $base_url,
    'rest_url' => "$base_url/wp-json/",
    'wordpress_version' => get_bloginfo('version'),
    'timezone' => get_option('timezone_string'),
    'plugins_dir' => WP_PLUGIN_DIR,
    'wp_load' => getenv('WP_BOOTSTRAP'),
    'users' => $out,
];
$tmp = "$credentials_path.tmp";
file_put_contents($tmp, json_encode($credentials, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n");
chmod($tmp, 0600);
rename($tmp, $credentials_path);
fwrite(STDERR, "wrote $credentials_path\n");
