; Included by electron-builder's NSIS script (nsis.include in electron-builder.yml).
; Registers Veo Studio in the "Open with" menu of the pictures it accepts, for the current user
; only (the installer is per-user), WITHOUT taking over the extension's default program: only the
; extension's OpenWithProgids list gains our ProgID. electron-builder's own fileAssociations would
; write the extension's default value, i.e. make us the default image viewer.

!define VEO_IMAGE_PROGID "VeoStudio.Image"

!macro veoAddOpenWith EXT
  WriteRegNone HKCU "Software\Classes\.${EXT}\OpenWithProgids" "${VEO_IMAGE_PROGID}"
!macroend

!macro veoRemoveOpenWith EXT
  DeleteRegValue HKCU "Software\Classes\.${EXT}\OpenWithProgids" "${VEO_IMAGE_PROGID}"
!macroend

!macro customInstall
  WriteRegStr HKCU "Software\Classes\${VEO_IMAGE_PROGID}" "" "Picture for Veo Studio"
  WriteRegStr HKCU "Software\Classes\${VEO_IMAGE_PROGID}" "FriendlyTypeName" "Picture for Veo Studio"
  WriteRegStr HKCU "Software\Classes\${VEO_IMAGE_PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr HKCU "Software\Classes\${VEO_IMAGE_PROGID}\shell\open" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "Software\Classes\${VEO_IMAGE_PROGID}\shell\open\command" "" '"$appExe" "%1"'
  !insertmacro veoAddOpenWith "png"
  !insertmacro veoAddOpenWith "jpg"
  !insertmacro veoAddOpenWith "jpeg"
  !insertmacro veoAddOpenWith "webp"
  ; SHCNE_ASSOCCHANGED: Explorer re-reads associations without a log-off.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro veoRemoveOpenWith "png"
  !insertmacro veoRemoveOpenWith "jpg"
  !insertmacro veoRemoveOpenWith "jpeg"
  !insertmacro veoRemoveOpenWith "webp"
  DeleteRegKey HKCU "Software\Classes\${VEO_IMAGE_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
