// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Executor {
    address public owner = msg.sender;

    function execute(address target, bytes calldata data) external {
        (bool ok, ) = target.delegatecall(data); // @vulnerable: access_control
        require(ok, "failed");
    }
}
