// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract FeeSplitter {
    address payable treasury; // @vulnerable: other

    function pay() external payable {
        treasury.transfer(msg.value / 10); // @vulnerable: denial_of_service
    }
}
