package org.kneelog.app;

import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.ClipData;
import android.content.Intent;
import android.database.Cursor;
import android.net.Uri;
import android.provider.OpenableColumns;
import android.os.Build;
import android.os.Bundle;
import android.util.Log;
import android.view.DisplayCutout;
import android.view.View;
import android.view.WindowInsets;

import androidx.core.content.FileProvider;

import org.libsdl.app.SDLActivity;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * KneeLog's only activity: SDL's activity running libkneelog.so (the same C++ as the desktop,
 * built by the repository's CMakeLists.txt). The native side calls the static methods below over
 * JNI (platform/android_share.cpp): share() for exports, safeInsets() for the parts of the screen
 * covered by the status bar, the navigation bar or a display cut-out, openDocument() /
 * takeChosen() for the system document picker (a backup to restore, a CSV to import, a bundle),
 * and saveDocument() / takeSaved() to save a copy of a backup or a bundle where the person chooses.
 *
 * The SDL Java sources (org.libsdl.app) are not in the repository: app/build.gradle extracts them
 * from the pinned SDL2 2.26.5 release at build time.
 */
public class KneeLogActivity extends SDLActivity {
    private static final String TAG = "KneeLog";
    private static volatile KneeLogActivity sInstance;
    // top, bottom, left, right in the SDL surface's pixels; written on the UI thread, read by SDL's.
    private static volatile int[] sInsets = new int[4];
    private static final int REQUEST_OPEN = 4201;
    // The document picker's answer: null while waiting, "" when cancelled or unreadable, else the
    // path of the app's own copy of the chosen file (files/imports).
    private static volatile String sChosen;
    private static final int REQUEST_SAVE = 4202;
    private static volatile String sSavePath;  // the app's file being saved
    // The save's answer: null while waiting, "" when cancelled, "!" and the reason when it failed,
    // else the name of the document written.
    private static volatile String sSaved;

    @Override
    protected String[] getLibraries() {
        return new String[] {"SDL2", "kneelog"};
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        sInstance = this;
        final View root = getWindow().getDecorView();
        root.setOnApplyWindowInsetsListener((view, insets) -> {
            updateInsets(insets);
            return view.onApplyWindowInsets(insets);
        });
        root.addOnLayoutChangeListener((v, l, t, r, b, ol, ot, or, ob) -> {
            if (root.getRootWindowInsets() != null) updateInsets(root.getRootWindowInsets());
        });
        receiveBundle(getIntent());
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        receiveBundle(intent);
    }

    // A bundle sent to KneeLog (AndroidManifest.xml): copied into files/exports, where Settings,
    // "Move to another device", lists it; nothing is merged until the person has seen the preview.
    // Only a file that starts like a KneeLog bundle is kept (KNLGSEAL or KNLGOPEN).
    private void receiveBundle(Intent intent) {
        if (intent == null) return;
        Uri uri = null;
        if (Intent.ACTION_VIEW.equals(intent.getAction())) uri = intent.getData();
        else if (Intent.ACTION_SEND.equals(intent.getAction())) uri = intent.getParcelableExtra(Intent.EXTRA_STREAM);
        if (uri == null) return;
        final Uri from = uri;
        new Thread(() -> copyBundle(from), "kneelog-receive").start();
    }

    private void copyBundle(Uri from) {
        final File folder = new File(getFilesDir(), "exports");
        if (!folder.isDirectory() && !folder.mkdirs()) return;
        final File target = new File(folder, "received-" + System.currentTimeMillis() + ".kneelog");
        final long limit = 1L << 30;
        try (InputStream in = getContentResolver().openInputStream(from);
             OutputStream out = new FileOutputStream(target)) {
            if (in == null) return;
            final byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            boolean checked = false;
            while ((n = in.read(buffer)) > 0) {
                if (!checked) {
                    checked = true;
                    if (n < 8 || !new String(buffer, 0, 4, "US-ASCII").equals("KNLG")) throw new IOException("not a bundle");
                }
                total += n;
                if (total > limit) throw new IOException("too large");
                out.write(buffer, 0, n);
            }
        } catch (IOException | SecurityException e) {
            Log.w(TAG, "a file sent to KneeLog was not kept: " + e.getMessage());
            if (!target.delete()) target.deleteOnExit();
        }
    }

    @Override
    protected void onDestroy() {
        if (sInstance == this) sInstance = null;
        super.onDestroy();
    }

    /** Hands a file in files/exports to the system share sheet. False when it cannot. */
    public static boolean share(String path, String mime) {
        final KneeLogActivity activity = sInstance;
        if (activity == null) return false;
        final File file = new File(path);
        if (!file.isFile()) return false;
        final Uri uri;
        try {
            uri = FileProvider.getUriForFile(activity, activity.getPackageName() + ".fileprovider", file);
        } catch (IllegalArgumentException e) {  // outside the folders listed in res/xml/file_paths.xml
            Log.w(TAG, "not shareable: " + file.getName());
            return false;
        }
        final Intent send = new Intent(Intent.ACTION_SEND);
        send.setType(mime);
        send.putExtra(Intent.EXTRA_STREAM, uri);
        send.setClipData(ClipData.newRawUri(file.getName(), uri));  // lets the chooser pass the grant on
        send.addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION);
        activity.runOnUiThread(() -> {
            try {
                activity.startActivity(Intent.createChooser(send, null));
            } catch (ActivityNotFoundException e) {
                Log.w(TAG, "no app can receive " + mime);
            }
        });
        return true;
    }

    /**
     * Opens the system document picker (ACTION_OPEN_DOCUMENT, any type: the app checks what it
     * reads). False when there is no activity. The answer comes through takeChosen().
     */
    public static boolean openDocument() {
        final KneeLogActivity activity = sInstance;
        if (activity == null) return false;
        sChosen = null;
        final Intent open = new Intent(Intent.ACTION_OPEN_DOCUMENT);
        open.addCategory(Intent.CATEGORY_OPENABLE);
        open.setType("*/*");
        activity.runOnUiThread(() -> {
            try {
                activity.startActivityForResult(open, REQUEST_OPEN);
            } catch (ActivityNotFoundException e) {
                sChosen = "";
            }
        });
        return true;
    }

    /** null while the picker is open; then once the answer: "" (cancelled) or a path. */
    public static String takeChosen() {
        final String chosen = sChosen;
        if (chosen != null) sChosen = null;
        return chosen;
    }

    /** Asks where to save a copy of `path` (ACTION_CREATE_DOCUMENT); the answer: takeSaved(). */
    public static boolean saveDocument(String path) {
        final KneeLogActivity activity = sInstance;
        final File file = new File(path);
        if (activity == null || !file.isFile()) return false;
        sSaved = null;
        sSavePath = path;
        final Intent create = new Intent(Intent.ACTION_CREATE_DOCUMENT);
        create.addCategory(Intent.CATEGORY_OPENABLE);
        create.setType("application/octet-stream");
        create.putExtra(Intent.EXTRA_TITLE, file.getName());
        activity.runOnUiThread(() -> {
            try {
                activity.startActivityForResult(create, REQUEST_SAVE);
            } catch (ActivityNotFoundException e) {
                sSaved = "!no app on this phone can save files";
            }
        });
        return true;
    }

    /** null while the save dialog is open; then once: "" (cancelled), "!reason", or a name. */
    public static String takeSaved() {
        final String saved = sSaved;
        if (saved != null) sSaved = null;
        return saved;
    }

    // Writes the app's file into the document the person created; its name, or "!" and why not.
    private String copyTo(String path, Uri to) {
        try (InputStream in = new FileInputStream(path);
             OutputStream out = getContentResolver().openOutputStream(to, "wt")) {
            if (out == null) return "!the chosen place cannot be written";
            final byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) out.write(buffer, 0, n);
        } catch (IOException | SecurityException e) {
            return "!" + e.getMessage();
        }
        try (Cursor c = getContentResolver().query(to, new String[] {OpenableColumns.DISPLAY_NAME}, null, null, null)) {
            if (c != null && c.moveToFirst() && c.getString(0) != null) return c.getString(0);
        } catch (SecurityException | IllegalArgumentException e) {
            Log.w(TAG, "the saved document's name was not readable");
        }
        return new File(path).getName();
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        if (requestCode == REQUEST_SAVE) {
            final Uri to = resultCode == Activity.RESULT_OK && data != null ? data.getData() : null;
            final String path = sSavePath;
            if (to == null || path == null) sSaved = "";
            else new Thread(() -> sSaved = copyTo(path, to), "kneelog-save").start();
            return;
        }
        if (requestCode != REQUEST_OPEN) {
            super.onActivityResult(requestCode, resultCode, data);
            return;
        }
        final Uri uri = resultCode == Activity.RESULT_OK && data != null ? data.getData() : null;
        if (uri == null) {
            sChosen = "";
            return;
        }
        new Thread(() -> sChosen = copyChosen(uri), "kneelog-open").start();
    }

    // The chosen document copied into files/imports under its own name (the app reads files, not
    // URIs); "" when it cannot be read. At most 1 GiB.
    private String copyChosen(Uri from) {
        final File folder = new File(getFilesDir(), "imports");
        if (!folder.isDirectory() && !folder.mkdirs()) return "";
        String name = "chosen-" + System.currentTimeMillis();
        try (Cursor c = getContentResolver().query(from, new String[] {OpenableColumns.DISPLAY_NAME}, null, null, null)) {
            if (c != null && c.moveToFirst() && c.getString(0) != null) name = c.getString(0).replaceAll("[/\\\\]", "_");
        } catch (SecurityException | IllegalArgumentException e) {
            Log.w(TAG, "the chosen file's name was not readable");
        }
        final File target = new File(folder, name);
        final long limit = 1L << 30;
        try (InputStream in = getContentResolver().openInputStream(from);
             OutputStream out = new FileOutputStream(target)) {
            if (in == null) return "";
            final byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) throw new IOException("too large");
                out.write(buffer, 0, n);
            }
        } catch (IOException | SecurityException e) {
            Log.w(TAG, "the chosen file was not read: " + e.getMessage());
            if (!target.delete()) target.deleteOnExit();
            return "";
        }
        return target.getAbsolutePath();
    }

    /** The covered margins of the SDL surface: {top, bottom, left, right} in pixels. */
    public static int[] safeInsets() {
        return sInsets.clone();
    }

    // The system bars and a cut-out count only where they overlap the surface: with the status
    // bar shown, Android already lays the surface out below it and the insets come out zero.
    private void updateInsets(WindowInsets insets) {
        final View surface = mSurface;
        if (surface == null || surface.getHeight() == 0) return;
        int top = insets.getSystemWindowInsetTop(), bottom = insets.getSystemWindowInsetBottom();
        int left = insets.getSystemWindowInsetLeft(), right = insets.getSystemWindowInsetRight();
        if (Build.VERSION.SDK_INT >= 28) {
            final DisplayCutout cutout = insets.getDisplayCutout();
            if (cutout != null) {
                top = Math.max(top, cutout.getSafeInsetTop());
                bottom = Math.max(bottom, cutout.getSafeInsetBottom());
                left = Math.max(left, cutout.getSafeInsetLeft());
                right = Math.max(right, cutout.getSafeInsetRight());
            }
        }
        final View root = getWindow().getDecorView();
        final int[] at = new int[2];
        surface.getLocationInWindow(at);
        final int[] next = {
            Math.max(0, top - at[1]),
            Math.max(0, at[1] + surface.getHeight() - (root.getHeight() - bottom)),
            Math.max(0, left - at[0]),
            Math.max(0, at[0] + surface.getWidth() - (root.getWidth() - right)),
        };
        sInsets = next;
    }
}
